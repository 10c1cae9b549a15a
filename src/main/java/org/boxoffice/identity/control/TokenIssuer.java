package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.entity.Role;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Issues RS256 access tokens; {@link AccessTokens} verifies them on every request. */
@ApplicationScoped
public class TokenIssuer {
  @Inject JwtKeys keys;
  @Inject @ConfigProperties IdentitySettings settings;
  @Inject Clock clock;

  /**
   * A signed access token for the user in the given session; {@code amr} says how the user proved
   * who they are ({@code pwd}, plus {@code otp} when a second factor was checked).
   */
  public String issue(
      long userId, String email, Role role, String sessionId, boolean secondFactor) {
    long now = clock.millis() / 1000;
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(settings.jwtIssuer);
    claims.setAudience(settings.jwtAudience);
    claims.setSubject(Long.toString(userId));
    claims.setClaim("upn", email);
    claims.setClaim("email", email);
    claims.setStringListClaim("groups", List.of(role.name()));
    claims.setClaim("sid", sessionId);
    claims.setStringListClaim("amr", secondFactor ? List.of("pwd", "otp") : List.of("pwd"));
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + settings.jwtLifetimeSeconds));

    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(keys.signingKey());
    jws.setKeyIdHeaderValue(keys.keyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("could not sign an access token", e);
    }
  }

  /** Refuses with 503 up front when tokens cannot be signed, before any sign-in work is done. */
  public void checkAvailable() {
    keys.signingKey();
  }

  public long lifetimeSeconds() {
    return settings.jwtLifetimeSeconds;
  }
}
