package org.boxoffice.identity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.boxoffice.platform.boundary.ErrorCodes;
import org.boxoffice.platform.entity.DomainException;

/**
 * Who sent this API request, read once per request from its verified bearer token: the user id, the
 * session the token belongs to, the roles and whether the user signed in with a second factor. A
 * request with no valid token (an anonymous call to a public endpoint, a page of the admin UI, a
 * background job) has an anonymous caller: {@link #isSignedIn()} is false.
 *
 * <p>Features inject it instead of a {@code JsonWebToken}: nothing is parsed twice, and an
 * anonymous request does not make Liberty log CWWKS5604E as injecting a token would.
 */
@RequestScoped
public class Caller {
  /** Weld's proxy of the current servlet request: resolved once, not per request. */
  @Inject HttpServletRequest request;

  private Long userId;
  private String sessionId;
  private Set<String> roles = Set.of();
  private boolean secondFactor;
  private String email;
  private boolean apiToken;
  private Set<String> scopes = Set.of();

  @PostConstruct
  void read() {
    // Straight from the verified claims: no JSON values are built for what is read here.
    TokenPrincipal token = token();
    if (token == null) {
      return;
    }
    try {
      userId = Long.valueOf(token.getSubject());
    } catch (NumberFormatException notOurs) {
      return;
    }
    sessionId = token.sessionId();
    roles = token.roles();
    secondFactor = token.usedSecondFactor();
    email = token.email();
    apiToken = token.isApiToken();
    scopes = token.scopes();
  }

  /** Whether the request carries a valid access token. */
  public boolean isSignedIn() {
    return userId != null;
  }

  /**
   * The signed-in user's id; only for requests an access rule let through as signed in, so an
   * anonymous request gets 401 rather than a server error.
   */
  public long userId() {
    if (userId == null) {
      throw DomainException.unauthenticated(ErrorCodes.UNAUTHENTICATED, "Authentication required");
    }
    return userId;
  }

  /** The user's id when signed in: public endpoints show more to some callers. */
  public Optional<Long> signedInUserId() {
    return Optional.ofNullable(userId);
  }

  /** The identity session the token was issued for. */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** The token's groups: ATTENDEE, ORGANIZER or ADMIN; none when anonymous. */
  public Set<String> roles() {
    return roles;
  }

  /** Whether the user proved a TOTP code (or a recovery code) at sign-in ({@code amr} "otp"). */
  public boolean usedSecondFactor() {
    return secondFactor;
  }

  /**
   * Whether the request came with an API token: checked against the database during this request
   * (no session to check), and narrowed to the token's scopes.
   */
  public boolean viaApiToken() {
    return apiToken;
  }

  /** Whether the request's API token has this scope; never for a null scope. */
  public boolean hasScope(String scope) {
    return scope != null && scopes.contains(scope);
  }

  /** The email the token was issued to. */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  private TokenPrincipal token() {
    try {
      return TokenPrincipal.of(request);
    } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
      return null;
    }
  }
}
