package org.boxoffice.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID Connect provider (mock-oauth2-server) on a loopback port of this JVM, and a copy of
 * the server configured with it only by issuer URLs. Providers of the copy:
 *
 * <ul>
 *   <li>{@code corp}: any email, new accounts are attendees;
 *   <li>{@code strict}: only verified addresses of {@code corp.example.test}, and members of the
 *       group {@code boxoffice-organizers} become organizers;
 *   <li>{@code flaky}: a provider of its own, which tests stop mid-flow;
 *   <li>{@code down}: an issuer on a port nobody listens on.
 * </ul>
 *
 * It has no SMTP server: it lives until the end of the run, and an outbox that delivers would take
 * the emails other classes' copies are to send ({@link SelfServiceIT} has a copy of its own).
 *
 * <p>Every test class with {@code @ExtendWith(OidcCopyServer.class)} shares the one copy; JUnit
 * closes it at the end of the run.
 */
public final class OidcCopyServer implements BeforeAllCallback {
  public static final String CORP_CLIENT = "boxoffice-corp";
  public static final String STRICT_CLIENT = "boxoffice-strict";
  public static final String FLAKY_CLIENT = "boxoffice-flaky";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OidcCopyServer.class);
  private static volatile Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class);
  }

  public static LibertyServer copy() {
    return running().copy;
  }

  public static Api api() {
    return copy().api();
  }

  public static MockOAuth2Server provider() {
    return running().provider;
  }

  public static MockOAuth2Server flaky() {
    return running().flaky;
  }

  /** Stops the flaky provider, as an outage would; {@link #restartFlaky()} brings it back. */
  public static void stopFlaky() {
    running().flaky.shutdown();
  }

  /** A new flaky provider on the same port (new signing keys). */
  public static void restartFlaky() {
    Running r = running();
    r.flaky = new MockOAuth2Server();
    r.flaky.start(InetAddress.getLoopbackAddress(), r.flakyPort);
  }

  /** The settings that make another copy know the provider {@code corp} as this one does. */
  static Map<String, String> corpProviderEnv() {
    return Map.of(
        "OIDC_PROVIDERS",
        "corp",
        "OIDC_CORP_ISSUER",
        provider().issuerUrl("corp").toString(),
        "OIDC_CORP_CLIENT_ID",
        CORP_CLIENT,
        "OIDC_CORP_CLIENT_SECRET",
        "test-only-" + UUID.randomUUID());
  }

  /** An ID token of the issuer {@code issuerId} for {@code audience}, valid for an hour. */
  public static String idToken(
      String issuerId, String audience, String subject, Map<String, Object> claims) {
    return idToken(provider(), issuerId, audience, subject, claims, 3600);
  }

  public static String idToken(
      MockOAuth2Server server,
      String issuerId,
      String audience,
      String subject,
      Map<String, Object> claims,
      long lifetimeSeconds) {
    return server
        .issueToken(
            issuerId,
            audience,
            new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", List.of(audience), claims, lifetimeSeconds))
        .serialize();
  }

  /**
   * A token with every claim right but signed by a key that is not the provider's, under the
   * provider's own key id or under {@code kid} when given.
   */
  public static String forged(String issuerId, String audience, String subject, String kid) {
    try {
      String realKid =
          SignedJWT.parse(idToken(issuerId, audience, subject, Map.of())).getHeader().getKeyID();
      RSAKey key = new RSAKeyGenerator(2048).keyID(kid == null ? realKid : kid).generate();
      Instant now = Instant.now();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(provider().issuerUrl(issuerId).toString())
              .audience(audience)
              .subject(subject)
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plusSeconds(600)))
              .claim("email", subject + "@example.test")
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims of a person with a verified email. */
  public static Map<String, Object> person(String email) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", email);
    claims.put("email_verified", true);
    claims.put("given_name", "Olive");
    claims.put("family_name", "Idc");
    return claims;
  }

  public static String uniqueEmail(String domain) {
    return "oidc-" + UUID.randomUUID() + "@" + domain;
  }

  private static Running running() {
    if (running == null) {
      throw new IllegalStateException("the test class needs @ExtendWith(OidcCopyServer.class)");
    }
    return running;
  }

  private static final class Running implements AutoCloseable {
    final MockOAuth2Server provider = new MockOAuth2Server();
    final int flakyPort = freePort();
    volatile MockOAuth2Server flaky = new MockOAuth2Server();
    LibertyServer copy;

    static Running start() {
      Running r = new Running();
      try {
        r.provider.start(InetAddress.getLoopbackAddress(), 0);
        r.flaky.start(InetAddress.getLoopbackAddress(), r.flakyPort);
        Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
        env.put("OIDC_PROVIDERS", "corp,strict,flaky,down");
        env.put("OIDC_CORP_ISSUER", r.provider.issuerUrl("corp").toString());
        env.put("OIDC_CORP_CLIENT_ID", CORP_CLIENT);
        env.put("OIDC_CORP_CLIENT_SECRET", "test-only-" + UUID.randomUUID());
        env.put("OIDC_STRICT_ISSUER", r.provider.issuerUrl("strict").toString());
        env.put("OIDC_STRICT_CLIENT_ID", STRICT_CLIENT);
        env.put("OIDC_STRICT_ALLOWED_DOMAINS", "corp.example.test");
        env.put("OIDC_STRICT_ORGANIZER_GROUP", "boxoffice-organizers");
        env.put("OIDC_STRICT_LABEL", "Corp SSO");
        env.put("OIDC_FLAKY_ISSUER", r.flaky.issuerUrl("flaky").toString());
        env.put("OIDC_FLAKY_CLIENT_ID", FLAKY_CLIENT);
        env.put("OIDC_DOWN_ISSUER", "http://127.0.0.1:" + freePort() + "/down");
        env.put("OIDC_DOWN_CLIENT_ID", "boxoffice-down");
        env.put("OIDC_CONNECT_TIMEOUT_MILLIS", "2000");
        // Generous: the provider shares a loaded machine with the server, and its first answers are
        // slow.
        env.put("OIDC_READ_TIMEOUT_MILLIS", "15000");
        env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
        env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
        // This copy lives to the end of the run: its waiting-list job stays idle, so the offers
        // WaitlistIT counts on its own two servers are not made here.
        env.put("BOXOFFICE_WAITLIST_INTERVAL_SECONDS", "86400");
        r.copy = LibertyServer.copyOfMain("boxoffice-oidc", LibertyServer.port(40), env);
        r.copy.start().awaitReady(200, Duration.ofMinutes(4));
        return r;
      } catch (RuntimeException | Error failed) {
        r.close();
        throw failed;
      }
    }

    @Override
    public void close() {
      if (copy != null) {
        copy.close();
      }
      provider.shutdown();
      try {
        flaky.shutdown();
      } catch (RuntimeException alreadyStopped) {
        // stopped by a test
      }
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
