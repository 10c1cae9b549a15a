package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every forged, stale or misdirected access token is refused with 401 and the error envelope. */
class JwtAttacksIT {
  private Accounts.User user;
  private JwtClaims realClaims;

  @BeforeEach
  void signIn() throws Exception {
    user = Accounts.attendee();
    String payload = user.token().split("\\.")[1];
    realClaims =
        JwtClaims.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }

  private JwtClaims claims(Consumer<JwtClaims> change) throws Exception {
    JwtClaims claims = JwtClaims.parse(realClaims.toJson());
    long now = System.currentTimeMillis() / 1000;
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + 600));
    change.accept(claims);
    return claims;
  }

  private static String sign(JwtClaims claims, String algorithm, java.security.Key key)
      throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
    jws.setDoKeyValidation(false);
    if (key != null) {
      jws.setKey(key);
    }
    return jws.getCompactSerialization();
  }

  private static PrivateKey serverPrivateKey() throws Exception {
    String pair = ServerLog.pem("dev-keypair.pem");
    String body =
        pair.substring(
                pair.indexOf("-----BEGIN PRIVATE KEY-----"),
                pair.indexOf("-----END PRIVATE KEY-----"))
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static void assertRefused(String token) {
    ApiResponse response = Api.server().as(token).get("/me");
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.json().getBoolean("success")).isFalse();
    assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void a_token_signed_with_the_server_key_works_so_the_forgeries_below_test_one_thing_each()
      throws Exception {
    String token = sign(claims(c -> {}), AlgorithmIdentifiers.RSA_USING_SHA256, serverPrivateKey());
    assertThat(Api.server().as(token).get("/me").status()).isEqualTo(200);
  }

  @Test
  void alg_none_is_refused() throws Exception {
    assertRefused(sign(claims(c -> {}), AlgorithmIdentifiers.NONE, null));
  }

  @Test
  void hs256_signed_with_the_public_key_as_secret_is_refused() throws Exception {
    byte[] publicPem = ServerLog.pem("public.pem").getBytes(StandardCharsets.US_ASCII);
    assertRefused(sign(claims(c -> {}), AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(publicPem)));
  }

  @Test
  void a_token_signed_by_another_rsa_key_is_refused() throws Exception {
    var otherKey = RsaJwkGenerator.generateJwk(2048).getPrivateKey();
    assertRefused(sign(claims(c -> {}), AlgorithmIdentifiers.RSA_USING_SHA256, otherKey));
  }

  @Test
  void a_token_signed_by_an_unknown_key_under_an_unknown_kid_is_refused() throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims(c -> {}).toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setKeyIdHeaderValue("no-such-key-id");
    jws.setKey(RsaJwkGenerator.generateJwk(2048).getPrivateKey());
    assertRefused(jws.getCompactSerialization());
  }

  @Test
  void an_expired_token_is_refused() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    JwtClaims expired =
        claims(
            c -> {
              c.setIssuedAt(NumericDate.fromSeconds(now - 7200));
              c.setExpirationTime(NumericDate.fromSeconds(now - 3600));
            });
    assertRefused(sign(expired, AlgorithmIdentifiers.RSA_USING_SHA256, serverPrivateKey()));
  }

  @Test
  void a_token_not_valid_yet_is_refused() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    JwtClaims future =
        claims(
            c -> {
              c.setNotBefore(NumericDate.fromSeconds(now + 3600));
              c.setIssuedAt(NumericDate.fromSeconds(now + 3600));
              c.setExpirationTime(NumericDate.fromSeconds(now + 7200));
            });
    assertRefused(sign(future, AlgorithmIdentifiers.RSA_USING_SHA256, serverPrivateKey()));
  }

  @Test
  void a_token_of_another_issuer_is_refused() throws Exception {
    assertRefused(
        sign(
            claims(c -> c.setIssuer("someone-else")),
            AlgorithmIdentifiers.RSA_USING_SHA256,
            serverPrivateKey()));
  }

  @Test
  void a_token_for_another_audience_is_refused() throws Exception {
    assertRefused(
        sign(
            claims(c -> c.setAudience("another-api")),
            AlgorithmIdentifiers.RSA_USING_SHA256,
            serverPrivateKey()));
  }

  @Test
  void a_tampered_payload_is_refused() throws Exception {
    String[] parts = user.token().split("\\.");
    JwtClaims elevated = JwtClaims.parse(realClaims.toJson());
    elevated.setStringListClaim("groups", List.of("ADMIN"));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(elevated.toJson().getBytes(StandardCharsets.UTF_8));
    assertRefused(parts[0] + "." + payload + "." + parts[2]);
  }

  @Test
  void garbage_and_truncated_tokens_are_refused() {
    assertRefused("not-a-jwt");
    assertRefused(user.token().substring(0, user.token().length() - 10));
  }

  @Test
  void a_token_of_a_logged_out_session_is_refused() {
    assertThat(user.api().get("/me").status()).isEqualTo(200);
    assertThat(user.api().post("/auth/logout", null).status()).isEqualTo(204);
    assertRefused(user.token());
  }
}
