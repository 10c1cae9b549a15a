package org.boxoffice.admin;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Guards {@code /admin/*}: only a signed-in organizer or admin gets past, except to the sign-in
 * page; the operators' pages (outbox, audit log) only an admin, anyone else gets a 403 page. A
 * cross-site POST (an {@code Origin} other than ours) is refused before Faces sees it, on top of
 * the Faces view state and the SameSite session cookie.
 */
public class AdminAccessFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String SIGN_IN = "/admin/login.xhtml";
  static final String FORBIDDEN = "/admin/forbidden.xhtml";
  static final Set<String> ADMIN_ONLY = Set.of("/admin/outbox.xhtml", "/admin/audit.xhtml");

  @Inject AdminSession session;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    if ("POST".equals(request.getMethod()) && !sameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean signedIn = request.getSession(false) != null && session.isSignedIn();
    // The servlet path is the container's normalised one: no "//" or ";param" slips past.
    if (signedIn && ADMIN_ONLY.contains(request.getServletPath()) && !session.isAdmin()) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      request.getRequestDispatcher(FORBIDDEN).forward(request, response);
      return;
    }
    if (signedIn || path.equals(SIGN_IN)) {
      chain.doFilter(request, response);
      return;
    }
    String target = request.getContextPath() + SIGN_IN;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      // An Ajax request of an expired session: Faces' client follows a partial-response redirect.
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(target);
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
