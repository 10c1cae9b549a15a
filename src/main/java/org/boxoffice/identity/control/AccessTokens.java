package org.boxoffice.identity.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.AudValidator;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.IssValidator;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.NumericDateValidator;
import org.jose4j.jwt.consumer.SubValidator;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies a bearer access token by MicroProfile JWT's rules and its {@code mp.jwt.verify.*}
 * settings: RS256 only, signed by one of {@link JwtKeys}' verification keys (its {@code kid} picks
 * the key during a rotation), the configured issuer and one of the audiences, expiry and issue time
 * present and honoured with the configured clock skew, a subject present. Anything else is no token
 * at all: the request goes on anonymously and the resource's access rule answers 401.
 *
 * <p>A client sends the same token on every call until it expires, so an accepted token is
 * remembered (by its SHA-256, never the token itself) until its expiry plus the skew, at most
 * {@link #MAX_REMEMBERED}: a repeat costs a hash and a look-up instead of an RSA verification, and
 * its times are still checked against the clock on every call. Refused tokens are not remembered:
 * nobody sends a refused token twice but an attacker, who could then flush the good ones out.
 */
@ApplicationScoped
public class AccessTokens {
  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
  static final Duration MAX_REMEMBERED = Duration.ofSeconds(60);
  private static final int MAX_ENTRIES = 100_000;

  @Inject JwtKeys keys;
  @Inject @ConfigProperties IdentitySettings settings;
  @Inject Clock clock;

  /** The consumer for one set of verification keys, and the tokens it accepted. */
  private record Verifier(
      List<JsonWebKey> keys, JwtConsumer consumer, Cache<String, Accepted> accepted) {}

  /**
   * A verified token's claims, in a context without the parsed signature objects (they would cost
   * several times the memory), and the moment (epoch millis) it stops being valid, skew included.
   */
  private record Accepted(JwtContext context, long validUntilMillis) {}

  private volatile Verifier verifier;

  /** The verified claims of a token, or empty when it is not one of ours or no longer valid. */
  public Optional<JwtClaims> verify(String token) {
    if (keys.failure().isPresent()) {
      return Optional.empty();
    }
    Verifier current = verifier();
    String digest = sha256(token);
    Accepted known = current.accepted().getIfPresent(digest);
    if (known != null) {
      if (timesHold(known.context())) {
        return Optional.of(known.context().getJwtClaims());
      }
      current.accepted().invalidate(digest);
      return Optional.empty();
    }
    try {
      JwtClaims claims = checked(current.consumer(), token).getJwtClaims();
      long validUntil =
          (claims.getExpirationTime().getValue() + settings.verifyClockSkewSeconds) * 1000L;
      current.accepted().put(digest, new Accepted(new JwtContext(claims, List.of()), validUntil));
      return Optional.of(claims);
    } catch (InvalidJwtException | MalformedClaimException refused) {
      // The codes only: the details would quote the token's claims.
      LOG.fine(() -> "bearer token refused: " + codes(refused));
      return Optional.empty();
    }
  }

  /** Signature and claims, the costly part: only for a token not seen before. */
  JwtContext checked(JwtConsumer consumer, String token) throws InvalidJwtException {
    return consumer.process(token);
  }

  /** Built once per key set, again only if {@link JwtKeys} hands out another list. */
  private Verifier verifier() {
    List<JsonWebKey> keySet = keys.verificationKeys();
    Verifier current = verifier;
    if (current == null || current.keys() != keySet) {
      synchronized (this) {
        current = verifier;
        if (current == null || current.keys() != keySet) {
          current = new Verifier(keySet, consumer(keySet), newCache());
          verifier = current;
        }
      }
    }
    return current;
  }

  /**
   * The default validators would judge the times by the system clock, so they are replaced by the
   * same ones with the times judged by the injected {@link Clock}.
   */
  private JwtConsumer consumer(List<JsonWebKey> keySet) {
    JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keySet);
    resolver.setDisambiguateWithVerifySignature(true);
    return new JwtConsumerBuilder()
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
        .setVerificationKeyResolver(resolver)
        .setSkipAllDefaultValidators()
        .registerValidator(new IssValidator(settings.verifyIssuer, true))
        .registerValidator(new AudValidator(Set.copyOf(settings.verifyAudiences), true))
        .registerValidator(new SubValidator(true))
        .registerValidator(times())
        .build();
  }

  private ErrorCodeValidator times() {
    return context -> {
      NumericDateValidator dates = new NumericDateValidator();
      dates.setRequireExp(true);
      dates.setRequireIat(true);
      dates.setAllowedClockSkewSeconds(settings.verifyClockSkewSeconds);
      dates.setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
      return dates.validate(context);
    };
  }

  private boolean timesHold(JwtContext context) {
    try {
      return times().validate(context) == null;
    } catch (MalformedClaimException e) {
      return false;
    }
  }

  private Cache<String, Accepted> newCache() {
    return Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        .expireAfter(
            Expiry.creating(
                (String digest, Accepted accepted) -> {
                  long left = accepted.validUntilMillis() - clock.millis();
                  return Duration.ofMillis(Math.max(0, Math.min(left, MAX_REMEMBERED.toMillis())));
                }))
        .build();
  }

  /** Of the chars themselves, two bytes each: no charset may map two tokens to one key. */
  private static String sha256(String token) {
    ByteBuffer chars = ByteBuffer.allocate(token.length() * 2);
    chars.asCharBuffer().put(token);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chars.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static List<Integer> codes(Exception refused) {
    return refused instanceof InvalidJwtException invalid
        ? invalid.getErrorDetails().stream().map(error -> error.getErrorCode()).toList()
        : List.of();
  }
}
