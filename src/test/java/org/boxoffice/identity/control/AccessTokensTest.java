package org.boxoffice.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.control.KeyFiles;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens are accepted only as TokenIssuer makes them, by MicroProfile JWT's rules. */
class AccessTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @TempDir Path dataDir;

  @Test
  void a_token_it_issued_is_accepted_with_its_claims() throws Exception {
    JwtKeys keys = keys(Optional.empty());
    String token =
        issuer(keys, "boxoffice", NOW).issue(7, "o@example.com", Role.ORGANIZER, "s1", true);

    JwtClaims claims = verifier(keys, NOW).verify(token).orElseThrow();

    assertThat(claims.getSubject()).isEqualTo("7");
    assertThat(claims.getStringListClaimValue("groups")).containsExactly("ORGANIZER");
    assertThat(claims.getStringClaimValue("sid")).isEqualTo("s1");
  }

  @Test
  void an_expired_token_is_refused_after_the_clock_skew_and_accepted_within_it() {
    JwtKeys keys = keys(Optional.empty());
    String token =
        issuer(keys, "boxoffice", NOW).issue(7, "o@example.com", Role.ATTENDEE, "s", false);

    assertThat(verifier(keys, NOW.plusSeconds(900 + 29)).verify(token)).isPresent();
    assertThat(verifier(keys, NOW.plusSeconds(900 + 31)).verify(token)).isEmpty();
  }

  @Test
  void another_issuer_or_audience_is_refused() {
    JwtKeys keys = keys(Optional.empty());
    TokenIssuer stranger = issuer(keys, "someone-else", NOW);
    assertThat(verifier(keys, NOW).verify(stranger.issue(1, "a@b.c", Role.ADMIN, "s", true)))
        .isEmpty();

    TokenIssuer otherAudience = issuer(keys, "boxoffice", NOW);
    otherAudience.settings.jwtAudience = "another-api";
    assertThat(verifier(keys, NOW).verify(otherAudience.issue(1, "a@b.c", Role.ADMIN, "s", true)))
        .isEmpty();
  }

  @Test
  void a_token_signed_with_another_key_with_hmac_or_unsigned_is_refused() throws Exception {
    JwtKeys keys = keys(Optional.empty());
    JwtClaims claims = validClaims();

    KeyPair stranger = rsaPair();
    assertThat(verifier(keys, NOW).verify(signed(claims, stranger.getPrivate(), keys.keyId())))
        .isEmpty();

    // The classic confusion: HS256 keyed with the server's own public key.
    JsonWebSignature hmac = new JsonWebSignature();
    hmac.setPayload(claims.toJson());
    hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    hmac.setKey(new HmacKey(keys.verificationKey().getEncoded()));
    hmac.setDoKeyValidation(false);
    assertThat(verifier(keys, NOW).verify(hmac.getCompactSerialization())).isEmpty();

    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    assertThat(verifier(keys, NOW).verify(header + "." + b64(claims.toJson()) + ".")).isEmpty();
  }

  @Test
  void an_altered_payload_or_a_token_without_subject_or_expiry_is_refused() throws Exception {
    JwtKeys keys = keys(Optional.empty());
    String token =
        issuer(keys, "boxoffice", NOW).issue(7, "o@example.com", Role.ATTENDEE, "s", false);
    String[] parts = token.split("\\.");
    String admin = new String(Base64.getUrlDecoder().decode(parts[1])).replace("ATTENDEE", "ADMIN");
    assertThat(verifier(keys, NOW).verify(parts[0] + "." + b64(admin) + "." + parts[2])).isEmpty();

    JwtClaims noSubject = validClaims();
    noSubject.unsetClaim("sub");
    assertThat(verifier(keys, NOW).verify(signed(noSubject, keys.signingKey(), keys.keyId())))
        .isEmpty();
    JwtClaims noExpiry = validClaims();
    noExpiry.unsetClaim("exp");
    assertThat(verifier(keys, NOW).verify(signed(noExpiry, keys.signingKey(), keys.keyId())))
        .isEmpty();
    assertThat(verifier(keys, NOW).verify("not a token")).isEmpty();
  }

  @Test
  void after_a_key_rotation_tokens_of_the_previous_key_are_still_accepted() throws Exception {
    KeyPair previous = rsaPair();
    String previousPem = Pem.encode(Pem.PUBLIC, previous.getPublic().getEncoded());
    JwtKeys keys = keys(Optional.of(previousPem));

    String oldToken = signed(validClaims(), previous.getPrivate(), null);

    assertThat(keys.verificationKeys()).hasSize(2);
    assertThat(verifier(keys, NOW).verify(oldToken)).isPresent();
    assertThat(verifier(keys(Optional.empty()), NOW).verify(oldToken)).isEmpty();
  }

  @Test
  void the_same_token_twice_is_verified_once() {
    JwtKeys keys = keys(Optional.empty());
    String token =
        issuer(keys, "boxoffice", NOW).issue(7, "o@example.com", Role.ATTENDEE, "s", false);
    CountingTokens tokens = counting(keys, new MovingClock(NOW));

    assertThat(tokens.verify(token)).isPresent();
    assertThat(tokens.verify(token)).isPresent();

    assertThat(tokens.verifications).isEqualTo(1);
  }

  @Test
  void a_remembered_token_is_refused_once_the_clock_passes_its_expiry_and_skew() {
    JwtKeys keys = keys(Optional.empty());
    String token =
        issuer(keys, "boxoffice", NOW).issue(7, "o@example.com", Role.ATTENDEE, "s", false);
    MovingClock clock = new MovingClock(NOW);
    CountingTokens tokens = counting(keys, clock);
    assertThat(tokens.verify(token)).isPresent();

    clock.now = NOW.plusSeconds(900 + 29);
    assertThat(tokens.verify(token)).isPresent();
    clock.now = NOW.plusSeconds(900 + 31);
    assertThat(tokens.verify(token)).isEmpty();

    assertThat(tokens.verifications).isEqualTo(1);
  }

  @Test
  void a_refused_token_is_not_remembered() {
    JwtKeys keys = keys(Optional.empty());
    TokenIssuer stranger = issuer(keys, "someone-else", NOW);
    String token = stranger.issue(1, "a@b.c", Role.ADMIN, "s", true);
    CountingTokens tokens = counting(keys, new MovingClock(NOW));

    assertThat(tokens.verify(token)).isEmpty();
    assertThat(tokens.verify(token)).isEmpty();

    assertThat(tokens.verifications).isEqualTo(2);
  }

  /** Counts the costly verifications, the ones the cache spares. */
  private static final class CountingTokens extends AccessTokens {
    int verifications;

    @Override
    JwtContext checked(JwtConsumer consumer, String token) throws InvalidJwtException {
      verifications++;
      return super.checked(consumer, token);
    }
  }

  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static CountingTokens counting(JwtKeys keys, Clock clock) {
    return configured(new CountingTokens(), keys, clock);
  }

  private JwtKeys keys(Optional<String> previous) {
    JwtKeys keys = new JwtKeys();
    keys.settings = new IdentitySettings();
    keys.settings.jwtPrivateKey = Optional.empty();
    keys.settings.jwtPublicKey = Optional.empty();
    keys.settings.jwtPreviousPublicKeys = previous;
    keys.keyFiles = new KeyFiles(dataDir, "dev");
    return keys;
  }

  private static TokenIssuer issuer(JwtKeys keys, String name, Instant at) {
    TokenIssuer issuer = new TokenIssuer();
    issuer.keys = keys;
    issuer.clock = Clock.fixed(at, ZoneOffset.UTC);
    issuer.settings = new IdentitySettings();
    issuer.settings.jwtIssuer = name;
    issuer.settings.jwtAudience = "boxoffice-api";
    issuer.settings.jwtLifetimeSeconds = 900;
    return issuer;
  }

  private static AccessTokens verifier(JwtKeys keys, Instant at) {
    return configured(new AccessTokens(), keys, Clock.fixed(at, ZoneOffset.UTC));
  }

  private static <T extends AccessTokens> T configured(T tokens, JwtKeys keys, Clock clock) {
    tokens.keys = keys;
    tokens.clock = clock;
    tokens.settings = new IdentitySettings();
    tokens.settings.verifyIssuer = "boxoffice";
    tokens.settings.verifyAudiences = List.of("boxoffice-api");
    tokens.settings.verifyClockSkewSeconds = 30;
    return tokens;
  }

  private static JwtClaims validClaims() {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("boxoffice");
    claims.setAudience("boxoffice-api");
    claims.setSubject("7");
    claims.setStringListClaim("groups", List.of("ADMIN"));
    claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
    claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 900));
    return claims;
  }

  private static String signed(JwtClaims claims, PrivateKey key, String keyId) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    if (keyId != null) {
      jws.setKeyIdHeaderValue(keyId);
    }
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private static KeyPair rsaPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
  }
}
