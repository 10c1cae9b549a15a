package org.boxoffice.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.boxoffice.identity.boundary.AccountPrincipal;
import org.boxoffice.identity.boundary.LoginRequest;
import org.boxoffice.identity.boundary.OidcSignIn;
import org.boxoffice.identity.boundary.SignIn;
import org.boxoffice.identity.boundary.TokenResponse;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.identity.entity.ExternalIdentityClaims;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.entity.DomainException;

/**
 * The admin pages' Jakarta Security identity store: the one user store, checked by identity's
 * sign-in exactly as {@code POST /auth/login} checks it (bcrypt, the brute-force throttle shared
 * with the API, the TOTP step, audit entries). Only organizers and admins pass; the caller
 * principal is the account id with the identity session the sign-in opened, and the group is the
 * account's role, which web.xml's security constraints map to the admin pages. A return from an
 * OpenID Connect provider ({@link OidcCredential}) is checked by identity's OpenID Connect sign-in
 * and admitted by the same rule.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {
  static final String ATTENDEE_REFUSED =
      "This area is for organizers and admins. Attendees manage their bookings in the Boxoffice"
          + " app.";
  static final String ADMIN_PAGES_ONLY = "ADMIN_PAGES_ONLY";
  static final Set<Role> ADMIN_ROLES = Set.of(Role.ORGANIZER, Role.ADMIN);

  @Inject SignIn identity;
  @Inject OidcSignIn oidc;
  @Inject SignInAttempt attempt;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof OidcCredential returned) {
      return validate(returned);
    }
    if (!(credential instanceof AdminCredential form)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    TokenResponse signedIn;
    try {
      signedIn = identity.login(new LoginRequest(form.email(), form.password(), form.totpCode()));
    } catch (DomainException refusal) {
      attempt.refused(refusal.getMessage(), IdentityErrors.TOTP_REQUIRED.equals(refusal.code()));
      return CredentialValidationResult.INVALID_RESULT;
    } finally {
      form.clear();
    }
    return admitted(signedIn);
  }

  /**
   * A provider's return: the code is redeemed and its ID token checked by identity's OpenID Connect
   * sign-in, then the session opened as for the password (TOTP rule, audit entries). An account
   * with 2FA gets a second step: the proved identity waits in the attempt for the code.
   */
  private CredentialValidationResult validate(OidcCredential credential) {
    ExternalIdentityClaims proved = credential.proved();
    TokenResponse signedIn;
    try {
      if (proved == null) {
        proved = oidc.redeem(credential.flow(), credential.code(), credential.state());
      }
      signedIn = oidc.signIn(proved, credential.totpCode());
    } catch (DomainException refusal) {
      boolean totp = IdentityErrors.TOTP_REQUIRED.equals(refusal.code());
      attempt.refused(refusal.code(), refusal.getMessage(), totp);
      if (totp) {
        attempt.awaitingSecondFactor(proved);
      }
      return CredentialValidationResult.INVALID_RESULT;
    }
    return admitted(signedIn);
  }

  private CredentialValidationResult admitted(TokenResponse signedIn) {
    UserView user = signedIn.user();
    if (!ADMIN_ROLES.contains(user.role())) {
      // Not for the admin pages: the identity session the sign-in opened ends at once.
      identity.logout(user.id(), AccountPrincipal.of(signedIn).sessionId());
      attempt.refused(ADMIN_PAGES_ONLY, ATTENDEE_REFUSED, false);
      return CredentialValidationResult.INVALID_RESULT;
    }
    attempt.succeeded(user);
    return new CredentialValidationResult(
        AccountPrincipal.of(signedIn), Set.of(user.role().name()));
  }
}
