package org.boxoffice.identity.control;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * One presentation of an ID token that passed every check, as the replay store keeps it: the
 * token's SHA-256 (never the token) and when it expires, after which it needs no keeping.
 */
public record IdTokenUse(String provider, String sha256, Instant expiresAt) {

  /** The use of a token already verified by {@link OidcProviders#verify}. */
  public static IdTokenUse of(String provider, String verifiedIdToken) {
    String token = verifiedIdToken.strip();
    Date expiry;
    try {
      expiry = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
    } catch (ParseException e) {
      throw new IllegalArgumentException("not the verified ID token", e);
    }
    if (expiry == null) {
      throw new IllegalArgumentException("a verified ID token has an expiry");
    }
    return new IdTokenUse(provider, Secrets.sha256(token), expiry.toInstant());
  }
}
