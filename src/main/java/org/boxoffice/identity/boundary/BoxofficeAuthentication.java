package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.boxoffice.identity.control.AccessTokens;
import org.boxoffice.integrations.boundary.ApiTokens;

/**
 * The application's one Jakarta Security authentication mechanism, for both kinds of caller.
 *
 * <ul>
 *   <li>The REST API ({@code /api/}): a bearer access token, verified by MicroProfile JWT's rules
 *       ({@link AccessTokens}), becomes the caller as a {@code JsonWebToken} with its groups, as
 *       the request's JAX-RS security context ({@link BearerSecurityContext}) rather than a
 *       container login, whose security subject nothing of the API reads. No token or a bad one:
 *       the request goes on anonymously and the resource's rule answers 401. No HTTP session is
 *       ever made for it.
 *   <li>The admin pages (and everything else, where a bearer token counts for nothing): form login.
 *       A page web.xml protects, asked for with no sign-in, sends the browser to the sign-in page,
 *       remembering the page to come back to; the sign-in page's {@code
 *       SecurityContext.authenticate} hands over the credentials, which the application's identity
 *       store checks; the caller is then kept in the HTTP session (30 minutes idle) until sign-out,
 *       and only while the identity session that sign-in opened lives: sign-out ends it, and so do
 *       "log out everywhere" and a role change, as for the API's tokens. (Liberty's
 *       {@code @LoginToContinue} is not used: it expects the caller to be restored by its own
 *       session handling, which would also give every API call a cookie.)
 * </ul>
 *
 * <p>One mechanism does both because Liberty lets an application with its own mechanism bypass its
 * MicroProfile JWT feature altogether (OpenLiberty issue 12253), and Jakarta EE 10 allows one
 * mechanism per application.
 */
@ApplicationScoped
public class BoxofficeAuthentication implements HttpAuthenticationMechanism {
  public static final String SIGN_IN_PAGE = "/admin/login.xhtml";
  private static final String API = "/api/";
  private static final String ADMIN_PAGES = "/admin/";
  private static final String SESSION_CALLER = BoxofficeAuthentication.class.getName() + ".caller";
  private static final String RETURN_TO = BoxofficeAuthentication.class.getName() + ".returnTo";
  private static final String BEARER = "Bearer ";

  @Inject AccessTokens tokens;
  @Inject ApiTokens apiTokens;
  @Inject IdentityStoreHandler identityStores;
  @Inject SessionRevocations revocations;
  @Inject SignIn signIn;

  /**
   * Who signed in to the admin pages, kept in the HTTP session, with the identity session the
   * sign-in opened (null when the identity store gave a plain principal).
   */
  record SessionCaller(String name, Set<String> groups, String sessionId) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Still signed in: the identity session has not ended (sign-out, log out everywhere, role). */
    boolean isLive(SessionRevocations revocations) {
      try {
        return sessionId == null || revocations.isActive(sessionId, Long.parseLong(name));
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isApi(request)) {
      return bearer(request, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return signIn(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
      if (caller.isLive(revocations)) {
        return context.notifyContainerAboutLogin(
            new CallerPrincipal(caller.name()), caller.groups());
      }
      session.removeAttribute(SESSION_CALLER);
    }
    if (context.isProtected()) {
      if ("GET".equals(request.getMethod())) {
        String query = request.getQueryString();
        String page = request.getServletPath() + (query == null ? "" : "?" + query);
        request.getSession(true).setAttribute(RETURN_TO, page);
      }
      return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
    }
    return context.doNothing();
  }

  /**
   * The admin page the visitor asked for before being sent to sign in, once: a path of this
   * application under {@code /admin/}, never another site.
   */
  public static Optional<String> takeReturnPage(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(RETURN_TO) instanceof String page)) {
      return Optional.empty();
    }
    session.removeAttribute(RETURN_TO);
    return page.startsWith(ADMIN_PAGES) && !page.startsWith(SIGN_IN_PAGE)
        ? Optional.of(page)
        : Optional.empty();
  }

  /** The container's decoded, normalised path, never the raw URI: no "/api/../admin" tricks. */
  private static boolean isApi(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    return path.startsWith(API);
  }

  private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return context.doNothing();
    }
    String raw = header.substring(BEARER.length()).strip();
    if (ApiTokens.looksLikeApiToken(raw)) {
      apiTokens
          .authenticate(raw)
          .ifPresent(grant -> TokenPrincipal.ofApiToken(raw, grant).attachTo(request));
      return context.doNothing();
    }
    tokens.verify(raw).ifPresent(verified -> new TokenPrincipal(raw, verified).attachTo(request));
    // Not a container login: see BearerSecurityContext, which makes it the JAX-RS caller.
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    String name = result.getCallerPrincipal().getName();
    Set<String> groups = Set.copyOf(result.getCallerGroups());
    String sessionId =
        result.getCallerPrincipal() instanceof AccountPrincipal account
            ? account.sessionId()
            : null;
    request
        .getSession(true)
        .setAttribute(SESSION_CALLER, new SessionCaller(name, groups, sessionId));
    return context.notifyContainerAboutLogin(new CallerPrincipal(name), groups);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      if (session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller
          && caller.sessionId() != null) {
        // Sign-out ends the identity session too (audited as auth.logout).
        signIn.logout(Long.parseLong(caller.name()), caller.sessionId());
      }
      session.removeAttribute(SESSION_CALLER);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
