package org.boxoffice.identity.boundary;

import jakarta.security.enterprise.CallerPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * A caller who signed in with email and password (the admin pages): named by the account id, and
 * carrying the identity session the sign-in opened, so that the session can be checked on every
 * page (ended by sign-out, "log out everywhere", a role change) and ended at sign-out.
 */
public class AccountPrincipal extends CallerPrincipal {
  private static final long serialVersionUID = 1L;
  private final String sessionId;

  AccountPrincipal(long accountId, String sessionId) {
    super(Long.toString(accountId));
    this.sessionId = sessionId;
  }

  /** The principal of a sign-in that just succeeded, read from the token it was issued. */
  public static AccountPrincipal of(TokenResponse signedIn) {
    // Our own token, issued a moment ago in this request: its payload needs no verifying here.
    String payload = signedIn.accessToken().split("\\.")[1];
    try {
      JwtClaims claims =
          JwtClaims.parse(
              new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
      return new AccountPrincipal(signedIn.user().id(), claims.getStringClaimValue("sid"));
    } catch (InvalidJwtException | MalformedClaimException e) {
      throw new IllegalStateException("an access token without a session id", e);
    }
  }

  public long accountId() {
    return Long.parseLong(getName());
  }

  public String sessionId() {
    return sessionId;
  }
}
