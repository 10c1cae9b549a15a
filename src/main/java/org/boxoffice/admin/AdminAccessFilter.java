package org.boxoffice.admin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.boxoffice.identity.boundary.BoxofficeAuthentication;

/**
 * What the container's form login leaves to the admin pages. Who may see a page is decided before
 * this filter, by web.xml's security constraints; this filter adds: no caching of any admin page; a
 * cross-site POST (an {@code Origin} other than ours) refused before Faces sees it, on top of the
 * Faces view state and the SameSite session cookie; an Ajax request of an expired session, which
 * the container sent on to the sign-in page, told to go there by a Faces partial-response redirect
 * (the page itself would be unreadable to Faces' Ajax client); and the container's 403 for a page
 * under {@code /admin/} shown as the admin "not allowed" page rather than the API's error body.
 */
public class AdminAccessFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String SIGN_IN = BoxofficeAuthentication.SIGN_IN_PAGE;
  static final String FORBIDDEN = "/admin/forbidden.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      if (refusedAdminPage(request)) {
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(FORBIDDEN).forward(request, response);
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if ("POST".equals(request.getMethod()) && !sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))
        && request.getServletPath().equals(SIGN_IN)
        && request.getUserPrincipal() == null) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + request.getContextPath()
                  + SIGN_IN
                  + "\"/></partial-response>");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A 403 the container answered to a signed-in organizer for an admin-only page. */
  private static boolean refusedAdminPage(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
        && uri instanceof String path
        && path.startsWith(request.getContextPath() + "/admin/")
        && request.getUserPrincipal() != null;
  }

  /**
   * The browser says where a POST comes from: {@code Sec-Fetch-Site} when it sends it, else {@code
   * Origin} (which is "null" under our no-referrer policy: then the view state alone decides).
   */
  private static boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin") || site.equals("none");
    }
    String origin = request.getHeader("Origin");
    if (origin == null || origin.isEmpty() || origin.equals("null")) {
      return true;
    }
    try {
      String host = request.getHeader("Host");
      return host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
