package org.boxoffice.admin;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Logger;
import org.boxoffice.identity.boundary.BoxofficeAuthentication;
import org.boxoffice.identity.boundary.OidcAuthorization;
import org.boxoffice.identity.boundary.OidcSignIn;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.entity.DomainException;

/**
 * "Sign in with Google" (or any configured provider) on the admin sign-in page: the authorization
 * code flow with PKCE, {@code state} and {@code nonce}, run by identity's {@link OidcSignIn}.
 *
 * <ul>
 *   <li>{@code GET /admin/oidc/{provider}} starts it: the flow's secrets stay in the HTTP session
 *       and the browser goes to the provider.
 *   <li>{@code GET /admin/oidc/callback} is where the provider sends the browser back. That is a
 *       cross-site navigation, which carries no SameSite=Strict session cookie, so this page only
 *       sends the browser on, from our own site, to
 *   <li>{@code GET /admin/oidc/complete}, which takes the flow out of the session (once: a replayed
 *       state finds nothing), has Jakarta Security authenticate the return through {@link
 *       AdminIdentityStore}, and goes on to the page first asked for, as the form sign-in does.
 * </ul>
 *
 * Every refusal ends on the sign-in page with a message chosen here by its code, never text taken
 * from the request.
 */
@WebServlet("/admin/oidc/*")
public class OidcReturn extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(OidcReturn.class.getName());
  static final String FLOW = OidcReturn.class.getName() + ".flow";
  static final String SECOND_FACTOR = OidcReturn.class.getName() + ".secondFactor";

  @Inject OidcSignIn oidc;
  @Inject SecurityContext security;
  @Inject SignInAttempt attempt;
  @Inject AdminSession adminSession;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (path) {
      case "/callback" -> bounce(request, response);
      case "/complete" -> complete(request, response);
      default -> start(path.startsWith("/") ? path.substring(1) : path, request, response);
    }
  }

  private void start(String provider, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    OidcAuthorization flow;
    try {
      flow = oidc.begin(provider, callbackUri(request));
    } catch (DomainException refusal) {
      refuse(request, response, refusal.code());
      return;
    }
    HttpSession session = request.getSession(true);
    session.removeAttribute(SECOND_FACTOR);
    session.setAttribute(FLOW, flow);
    response.sendRedirect(flow.authorizationUri().toString());
  }

  /** The provider's return, without our session cookie: on to {@code complete} from our site. */
  private static void bounce(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String target =
        request.getContextPath()
            + "/admin/oidc/complete?"
            + param("code", request.getParameter("code"))
            + "&"
            + param("state", request.getParameter("state"))
            + "&"
            + param("error", request.getParameter("error"));
    String html = target.replace("&", "&amp;");
    response.setContentType("text/html");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\""
                + " content=\"0;url="
                + html
                + "\"><title>Signing in</title></head><body><p><a href=\""
                + html
                + "\">Continue signing in</a></p></body></html>");
  }

  private void complete(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpSession session = request.getSession(false);
    OidcAuthorization flow = null;
    if (session != null && session.getAttribute(FLOW) instanceof OidcAuthorization pending) {
      flow = pending;
      // Once only: a replayed return finds no flow.
      session.removeAttribute(FLOW);
    }
    String error = request.getParameter("error");
    if (flow != null && error != null && !error.isBlank()) {
      oidc.refusedBeforeProvider(flow.provider(), "OIDC_DENIED", "the provider answered an error");
      refuse(request, response, "OIDC_DENIED");
      return;
    }
    authenticate(
        request,
        response,
        OidcCredential.returned(flow, request.getParameter("code"), request.getParameter("state")));
  }

  private void authenticate(
      HttpServletRequest request, HttpServletResponse response, OidcCredential given)
      throws IOException {
    AuthenticationStatus status =
        security.authenticate(
            request, response, withParams().newAuthentication(true).credential(given));
    if (status != AuthenticationStatus.SUCCESS || attempt.user() == null) {
      if (attempt.awaitingSecondFactor() != null) {
        request
            .getSession(true)
            .setAttribute(
                SECOND_FACTOR,
                new ProvedIdentity(
                    attempt.awaitingSecondFactor(), Instant.now().plus(ProvedIdentity.LIFETIME)));
        response.sendRedirect(request.getContextPath() + AdminAccessFilter.SIGN_IN + "?oidc=totp");
        return;
      }
      refuse(request, response, attempt.refusalCode());
      return;
    }
    request.changeSessionId();
    adminSession.signIn(attempt.user());
    LOG.info(() -> "admin sign-in of user " + attempt.user().id() + " with a provider");
    String page = BoxofficeAuthentication.takeReturnPage(request).orElse("/admin/index.xhtml");
    response.sendRedirect(request.getContextPath() + page);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String code)
      throws IOException {
    response.sendRedirect(
        request.getContextPath()
            + AdminAccessFilter.SIGN_IN
            + "?"
            + param("oidc", code == null ? IdentityErrors.OIDC_TOKEN_INVALID : code));
  }

  private static URI callbackUri(HttpServletRequest request) {
    String base = request.getRequestURL().toString();
    return URI.create(
        base.substring(0, base.indexOf(request.getContextPath() + "/admin/oidc/"))
            + request.getContextPath()
            + "/admin/oidc/callback");
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
