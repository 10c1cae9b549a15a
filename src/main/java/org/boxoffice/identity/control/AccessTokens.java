package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies a bearer access token by MicroProfile JWT's rules and its {@code mp.jwt.verify.*}
 * settings: RS256 only, signed by one of {@link JwtKeys}' verification keys (its {@code kid} picks
 * the key during a rotation), the configured issuer and one of the audiences, expiry and issue time
 * present and honoured with the configured clock skew, a subject present. Anything else is no token
 * at all: the request goes on anonymously and the resource's access rule answers 401.
 */
@ApplicationScoped
public class AccessTokens {
  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

  @Inject JwtKeys keys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  List<String> audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
  int clockSkewSeconds;

  /** The verified claims of a token, or empty when it is not one of ours or no longer valid. */
  public Optional<JwtContext> verify(String token) {
    if (keys.failure().isPresent()) {
      return Optional.empty();
    }
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .setVerificationKeyResolver(resolver())
            .setExpectedIssuer(issuer)
            .setExpectedAudience(audiences.toArray(String[]::new))
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(clockSkewSeconds)
            .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
            .build();
    try {
      return Optional.of(consumer.process(token));
    } catch (InvalidJwtException refused) {
      // The codes only: the details would quote the token's claims.
      LOG.fine(
          () ->
              "bearer token refused: "
                  + refused.getErrorDetails().stream().map(error -> error.getErrorCode()).toList());
      return Optional.empty();
    }
  }

  private JwksVerificationKeyResolver resolver() {
    JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(keys.verificationKeys());
    resolver.setDisambiguateWithVerifySignature(true);
    return resolver;
  }
}
