package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * Rotating the JWT signing key without downtime: while the old public key is configured in
 * JWT_PREVIOUS_PUBLIC_KEYS, tokens it signed keep working beside the new key's; once it is removed
 * they are refused. Keys nobody configured are refused throughout.
 */
class JwtKeyRotationIT {
  private static final String SERVER = "boxoffice-jwt-rotation";

  @Test
  void a_previous_key_is_accepted_while_configured_and_refused_once_removed() throws Exception {
    KeyPair old = rsa();
    KeyPair current = rsa();
    KeyPair unknown = rsa();
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    // Its own data directory: the key set it publishes must not replace the main server's.
    env.put(
        "BOXOFFICE_DATA_DIR",
        Files.createTempDirectory("boxoffice-jwt-rotation").toAbsolutePath().toString());
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    env.put("JWT_PRIVATE_KEY", oneLine(current.getPrivate().getEncoded()));
    env.put("JWT_PUBLIC_KEY", oneLine(current.getPublic().getEncoded()));
    Map<String, String> duringRotation = new HashMap<>(env);
    duringRotation.put("JWT_PREVIOUS_PUBLIC_KEYS", oneLine(old.getPublic().getEncoded()));

    String issuedByServer;
    String signedByOldKey;
    try (LibertyServer server =
        LibertyServer.copyOfMain(SERVER, LibertyServer.port(21), duringRotation)) {
      server.start().awaitReady(200, Duration.ofMinutes(4));
      String email = register(server);
      issuedByServer = login(server, email);
      JwtClaims claims = claimsOf(issuedByServer);
      assertThat(headerOf(issuedByServer)).contains("\"kid\":\"" + kid(current.getPublic()) + "\"");

      signedByOldKey = sign(claims, old, kid(old.getPublic()));
      assertThat(me(server, issuedByServer).status()).isEqualTo(200);
      ApiResponse withOldKey = me(server, signedByOldKey);
      assertThat(withOldKey.status()).as(withOldKey.toString()).isEqualTo(200);
      assertThat(withOldKey.data().getString("email")).isEqualTo(email);

      assertThat(me(server, sign(claims, unknown, kid(unknown.getPublic()))).status())
          .isEqualTo(401);
      assertThat(me(server, sign(claims, unknown, kid(current.getPublic()))).status())
          .as("an unknown key claiming the current key's id")
          .isEqualTo(401);
      assertThat(me(server, sign(claims, unknown, kid(old.getPublic()))).status())
          .as("an unknown key claiming the previous key's id")
          .isEqualTo(401);
    }

    try (LibertyServer server = LibertyServer.copyOfMain(SERVER, LibertyServer.port(21), env)) {
      server.start().awaitReady(200, Duration.ofMinutes(4));
      assertThat(me(server, issuedByServer).status()).isEqualTo(200);
      ApiResponse withOldKey = me(server, signedByOldKey);
      assertThat(withOldKey.status()).isEqualTo(401);
      assertThat(withOldKey.errorCode()).isEqualTo("UNAUTHENTICATED");
    }
  }

  private static String register(LibertyServer server) {
    String email = "rotation-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        server
            .api()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Ro", "lastName": "Tation"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return email;
  }

  private static String login(LibertyServer server, String email) {
    ApiResponse login =
        server
            .api()
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.data().getString("accessToken");
  }

  private static ApiResponse me(LibertyServer server, String token) {
    return server.api().as(token).get("/me");
  }

  private static JwtClaims claimsOf(String token) throws Exception {
    JwtClaims claims =
        JwtClaims.parse(
            new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    long now = System.currentTimeMillis() / 1000;
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + 600));
    claims.setJwtId(UUID.randomUUID().toString());
    return claims;
  }

  private static String headerOf(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
  }

  private static String sign(JwtClaims claims, KeyPair key, String kid) throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue(kid);
    jws.setHeader("typ", "JWT");
    jws.setKey(key.getPrivate());
    return jws.getCompactSerialization();
  }

  /** The key id the server gives a public key (the first 16 characters of its SHA-256). */
  private static String kid(PublicKey key) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A key as the base64 body of its PEM on one line: what a one-line env file can carry. */
  private static String oneLine(byte[] der) {
    return Base64.getEncoder().encodeToString(der);
  }
}
