package org.boxoffice.attendee;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The attendee pages whose address carries an id, served by Faces views with an {@code id} query
 * parameter (a servlet mapping cannot carry a path parameter): the public event page {@code
 * /events/{id}} ({@code /event.xhtml}) and a waiting-list offer {@code /waitlist/{entryId}} ({@code
 * /waitlist.xhtml}, the link of the offer's email). Anything else under these prefixes is not
 * found. Only GET and HEAD are forwarded: the offer page's forms post to its view.
 */
public class PagePaths extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Pattern PAGE = Pattern.compile("/(events|waitlist)/([1-9][0-9]{0,17})");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    var matcher = PAGE.matcher(path);
    if (!matcher.matches()
        || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String view = "events".equals(matcher.group(1)) ? "/event.xhtml" : "/waitlist.xhtml";
    request.getRequestDispatcher(view + "?id=" + matcher.group(2)).forward(request, response);
  }
}
