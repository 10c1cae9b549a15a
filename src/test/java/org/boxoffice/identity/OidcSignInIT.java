package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.identity.OidcCopyServer.CORP_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.FLAKY_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.STRICT_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.api;
import static org.boxoffice.identity.OidcCopyServer.idToken;
import static org.boxoffice.identity.OidcCopyServer.person;
import static org.boxoffice.identity.OidcCopyServer.uniqueEmail;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /auth/oidc/{provider}} against a real OpenID Connect provider on a loopback port: a
 * client that did the provider's flow itself exchanges the provider's ID token for Boxoffice
 * tokens. The server knows the provider only by its issuer URL.
 */
@ExtendWith(OidcCopyServer.class)
class OidcSignInIT {

  private static ApiResponse exchange(String provider, String idToken) {
    return api().post("/auth/oidc/" + provider, "{\"idToken\": \"%s\"}".formatted(idToken));
  }

  private static long failuresAudited(String provider, String code) {
    return Db.number(
        "SELECT count(*) FROM audit_log WHERE action = 'auth.oidc.failure' AND resource_id = ?"
            + " AND details LIKE ?",
        provider,
        code + "%");
  }

  private static long identities(String provider, String subject) {
    return Db.number(
        "SELECT count(*) FROM external_identities WHERE provider = ? AND subject = ?",
        provider,
        subject);
  }

  @Test
  void a_first_sign_in_creates_an_attendee_account_without_a_password() {
    String subject = UUID.randomUUID().toString();
    String email = uniqueEmail("example.test");

    ApiResponse signedIn = exchange("corp", idToken("corp", CORP_CLIENT, subject, person(email)));

    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    JsonObject data = signedIn.data();
    assertThat(data.getString("tokenType")).isEqualTo("Bearer");
    assertThat(data.getString("refreshToken")).isNotBlank();
    assertThat(data.getJsonObject("user").getString("email")).isEqualTo(email);
    assertThat(data.getJsonObject("user").getString("role")).isEqualTo("ATTENDEE");
    assertThat(signedIn.header("Set-Cookie")).contains("refresh_token=");

    JsonObject me = api().as(data.getString("accessToken")).get("/me").data();
    assertThat(me.getBoolean("hasPassword")).isFalse();
    assertThat(me.getBoolean("emailVerified")).isTrue();
    assertThat(me.getString("firstName")).isEqualTo("Olive");
    assertThat(me.getJsonArray("identities")).hasSize(1);
    assertThat(me.getJsonArray("identities").getJsonObject(0).getString("provider"))
        .isEqualTo("corp");
    assertThat(identities("corp", subject)).isEqualTo(1);

    ApiResponse password =
        api()
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}"
                    .formatted(email, "any-password-at-all"));
    assertThat(password.status()).isEqualTo(401);
    assertThat(password.errorCode()).isEqualTo("INVALID_CREDENTIALS");
  }

  @Test
  void the_next_sign_in_finds_the_account_by_subject_not_by_email() {
    String subject = UUID.randomUUID().toString();
    long first =
        userId(
            exchange(
                "corp",
                idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("example.test")))));

    // The person changed their address at the provider: still the same account.
    ApiResponse again =
        exchange(
            "corp", idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("example.test"))));

    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(userId(again)).isEqualTo(first);
    assertThat(identities("corp", subject)).isEqualTo(1);
  }

  @Test
  void an_existing_account_whose_email_is_not_verified_is_not_taken_over() {
    Accounts.User existing = Accounts.attendee();
    long usersBefore = Db.number("SELECT count(*) FROM users");
    String subject = UUID.randomUUID().toString();

    ApiResponse refused =
        exchange("corp", idToken("corp", CORP_CLIENT, subject, person(existing.email())));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("OIDC_LINK_REQUIRED");
    assertThat(refused.error().getString("message")).contains("/me/identities/corp");
    assertThat(identities("corp", subject)).isZero();
    assertThat(Db.number("SELECT count(*) FROM users")).isEqualTo(usersBefore);
    assertThat(failuresAudited("corp", "OIDC_LINK_REQUIRED")).isPositive();
  }

  @Test
  void an_email_the_provider_does_not_vouch_for_is_never_linked_even_to_a_verified_account() {
    Accounts.User existing = Accounts.attendee();
    Db.update("UPDATE users SET email_verified = TRUE WHERE id = ?", existing.id());
    Map<String, Object> claims = person(existing.email());
    claims.put("email_verified", false);

    ApiResponse refused =
        exchange("corp", idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), claims));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("OIDC_LINK_REQUIRED");
  }

  @Test
  void an_email_verified_on_both_sides_links_the_existing_account() {
    Accounts.User existing = Accounts.attendee();
    Db.update("UPDATE users SET email_verified = TRUE WHERE id = ?", existing.id());
    String subject = UUID.randomUUID().toString();

    ApiResponse signedIn =
        exchange("corp", idToken("corp", CORP_CLIENT, subject, person(existing.email())));

    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    assertThat(userId(signedIn)).isEqualTo(existing.id());
    assertThat(identities("corp", subject)).isEqualTo(1);
    // The password still works too.
    assertThat(Accounts.login(existing.email(), Accounts.PASSWORD).id()).isEqualTo(existing.id());
  }

  @Test
  void a_token_for_another_client_is_refused_and_audited() {
    String subject = UUID.randomUUID().toString();

    ApiResponse refused =
        exchange(
            "corp",
            idToken("corp", "someone-elses-app", subject, person(uniqueEmail("example.test"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(refused.error().getString("message")).containsIgnoringCase("audience");
    assertThat(identities("corp", subject)).isZero();
    assertThat(failuresAudited("corp", "OIDC_TOKEN_INVALID")).isPositive();
  }

  @Test
  void a_token_of_another_issuer_is_refused() {
    String subject = UUID.randomUUID().toString();

    ApiResponse refused =
        exchange("corp", idToken("strict", CORP_CLIENT, subject, person(uniqueEmail("x.test"))));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(identities("corp", subject)).isZero();
  }

  @Test
  void an_expired_token_is_refused() {
    String subject = UUID.randomUUID().toString();
    String expired =
        idToken(
            OidcCopyServer.provider(),
            "corp",
            CORP_CLIENT,
            subject,
            person(uniqueEmail("example.test")),
            -3600);

    ApiResponse refused = exchange("corp", expired);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(refused.error().getString("message")).containsIgnoringCase("expired");
    assertThat(identities("corp", subject)).isZero();
  }

  @Test
  void a_token_signed_by_another_key_is_refused() {
    String subject = UUID.randomUUID().toString();

    ApiResponse refused =
        exchange("corp", OidcCopyServer.forged("corp", CORP_CLIENT, subject, null));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(identities("corp", subject)).isZero();
  }

  @Test
  void the_nonce_must_match_when_the_client_sent_one() {
    String nonce = UUID.randomUUID().toString();
    Map<String, Object> claims = person(uniqueEmail("example.test"));
    claims.put("nonce", nonce);
    String token = idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), claims);

    ApiResponse wrong =
        api()
            .post(
                "/auth/oidc/corp",
                "{\"idToken\": \"%s\", \"nonce\": \"%s\"}".formatted(token, "another-nonce"));
    ApiResponse right =
        api()
            .post(
                "/auth/oidc/corp",
                "{\"idToken\": \"%s\", \"nonce\": \"%s\"}".formatted(token, nonce));

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("OIDC_TOKEN_INVALID");
    assertThat(right.status()).as(right.toString()).isEqualTo(200);
  }

  @Test
  void an_unknown_provider_is_404_with_the_field_to_blame() {
    ApiResponse unknown =
        exchange("nosuch", idToken("corp", CORP_CLIENT, "x", person(uniqueEmail("e.test"))));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("OIDC_PROVIDER_UNKNOWN");
    assertThat(unknown.errorFields()).containsExactly("provider");
    assertThat(failuresAudited("nosuch", "OIDC_PROVIDER_UNKNOWN")).isPositive();
  }

  @Test
  void bad_bodies_are_400_with_field_details() {
    ApiResponse missing = api().post("/auth/oidc/corp", "{}");
    ApiResponse notJwt = api().post("/auth/oidc/corp", "{\"idToken\": \"not-a-token\"}");
    ApiResponse malformed = api().post("/auth/oidc/corp", "{\"idToken\": ");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).contains("idToken");
    assertThat(notJwt.status()).isEqualTo(400);
    assertThat(notJwt.errorFields()).containsExactly("idToken");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void the_provider_list_names_every_configured_provider() {
    ApiResponse list = api().get("/auth/oidc");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().getJsonArray("data").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("name"))
        .containsExactly("corp", "strict", "flaky", "down");
  }

  @Test
  void a_provider_that_cannot_be_reached_is_503_and_its_circuit_opens() {
    String token = idToken("corp", "boxoffice-down", "x", person(uniqueEmail("e.test")));
    ApiResponse last = null;
    for (int i = 0; i < 6; i++) {
      last = exchange("down", token);
      assertThat(last.status()).as(last.toString()).isEqualTo(503);
      assertThat(last.errorCode()).isEqualTo("OIDC_PROVIDER_UNAVAILABLE");
      assertThat(last.header("Retry-After")).isNotBlank();
    }
    // The circuit is open now: refused without asking the provider.
    assertThat(last.error().getString("message")).contains("for a moment");
    assertThat(failuresAudited("down", "OIDC_PROVIDER_UNAVAILABLE")).isGreaterThanOrEqualTo(6);
    // One provider down refuses no other.
    assertThat(
            exchange(
                    "corp",
                    idToken(
                        "corp",
                        CORP_CLIENT,
                        UUID.randomUUID().toString(),
                        person(uniqueEmail("example.test"))))
                .status())
        .isEqualTo(200);
  }

  @Test
  void a_provider_stopped_mid_flow_is_503_and_creates_nothing() {
    String known = UUID.randomUUID().toString();
    assertThat(
            exchange(
                    "flaky",
                    idToken(
                        OidcCopyServer.flaky(),
                        "flaky",
                        FLAKY_CLIENT,
                        known,
                        person(uniqueEmail("example.test")),
                        3600))
                .status())
        .isEqualTo(200);
    // A token under a key the server has not seen: it must fetch the provider's keys again.
    String subject = UUID.randomUUID().toString();
    String rotated = flakyForged(subject);
    OidcCopyServer.stopFlaky();
    try {
      ApiResponse refused = exchange("flaky", rotated);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.errorCode()).isEqualTo("OIDC_PROVIDER_UNAVAILABLE");
      assertThat(identities("flaky", subject)).isZero();
    } finally {
      OidcCopyServer.restartFlaky();
    }
  }

  private static String flakyForged(String subject) {
    try {
      var key =
          new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
              .keyID("rotated-" + UUID.randomUUID())
              .generate();
      var claims =
          new com.nimbusds.jwt.JWTClaimsSet.Builder()
              .issuer(OidcCopyServer.flaky().issuerUrl("flaky").toString())
              .audience(FLAKY_CLIENT)
              .subject(subject)
              .issueTime(new java.util.Date())
              .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000))
              .build();
      var jwt =
          new com.nimbusds.jwt.SignedJWT(
              new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .build(),
              claims);
      jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_provider_limited_to_a_domain_refuses_other_addresses() {
    String subject = UUID.randomUUID().toString();

    ApiResponse foreign =
        exchange(
            "strict", idToken("strict", STRICT_CLIENT, subject, person(uniqueEmail("gmail.test"))));
    Map<String, Object> unverified = person(uniqueEmail("corp.example.test"));
    unverified.put("email_verified", false);
    ApiResponse notVouched =
        exchange("strict", idToken("strict", STRICT_CLIENT, subject, unverified));

    assertThat(foreign.status()).isEqualTo(422);
    assertThat(foreign.errorCode()).isEqualTo("OIDC_EMAIL_DOMAIN_REFUSED");
    assertThat(notVouched.status()).isEqualTo(422);
    assertThat(identities("strict", subject)).isZero();
  }

  @Test
  void the_organizer_group_makes_a_new_account_an_organizer() {
    Map<String, Object> organizer = person(uniqueEmail("corp.example.test"));
    organizer.put("groups", List.of("staff", "boxoffice-organizers"));
    Map<String, Object> staff = new HashMap<>(person(uniqueEmail("corp.example.test")));
    staff.put("groups", List.of("staff"));

    ApiResponse a =
        exchange(
            "strict", idToken("strict", STRICT_CLIENT, UUID.randomUUID().toString(), organizer));
    ApiResponse b =
        exchange("strict", idToken("strict", STRICT_CLIENT, UUID.randomUUID().toString(), staff));

    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    assertThat(a.data().getJsonObject("user").getString("role")).isEqualTo("ORGANIZER");
    assertThat(b.data().getJsonObject("user").getString("role")).isEqualTo("ATTENDEE");
  }

  @Test
  void an_id_token_signs_in_once_its_replay_is_refused_audited_and_opens_no_session() {
    String subject = UUID.randomUUID().toString();
    String token = idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("example.test")));
    long userId = userId(exchange("corp", token));
    long sessions = sessionsOf(userId);
    long audited = failuresAudited("corp", "OIDC_TOKEN_REPLAYED");

    ApiResponse replayed = exchange("corp", token);

    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
    assertThat(replayed.errorCode()).isEqualTo("OIDC_TOKEN_REPLAYED");
    assertThat(sessionsOf(userId)).isEqualTo(sessions);
    assertThat(failuresAudited("corp", "OIDC_TOKEN_REPLAYED")).isEqualTo(audited + 1);
    // Kept as its hash only, until it expires.
    assertThat(
            Db.number(
                "SELECT count(*) FROM used_id_tokens WHERE token_sha256 = ? AND provider = 'corp'"
                    + " AND expires_at > now()",
                Secrets.sha256(token)))
        .isEqualTo(1);
    // Linking is once per token too: linked, unlinked, and the same token again is refused.
    Accounts.User other = Accounts.attendee();
    String linkToken =
        idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), person(uniqueEmail("e.test")));
    String linkBody = "{\"idToken\": \"%s\"}".formatted(linkToken);
    assertThat(api().as(other.token()).post("/me/identities/corp", linkBody).status())
        .isEqualTo(201);
    assertThat(api().as(other.token()).delete("/me/identities/corp").status()).isEqualTo(204);
    ApiResponse relinked = api().as(other.token()).post("/me/identities/corp", linkBody);
    assertThat(relinked.status()).as(relinked.toString()).isEqualTo(401);
    assertThat(relinked.errorCode()).isEqualTo("OIDC_TOKEN_REPLAYED");
    assertThat(api().as(other.token()).get("/me").data().getJsonArray("identities")).isEmpty();
    // A new token of the same person still signs in.
    assertThat(
            userId(
                exchange(
                    "corp",
                    idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("example.test"))))))
        .isEqualTo(userId);
  }

  @Test
  void the_same_id_token_sent_by_many_clients_at_once_signs_in_exactly_once() throws Exception {
    String subject = UUID.randomUUID().toString();
    String token = idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("example.test")));
    int clients = 8;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CyclicBarrier start = new CyclicBarrier(clients);
    List<ApiResponse> answers = new ArrayList<>();
    try {
      List<Future<ApiResponse>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return exchange("corp", token);
                }));
      }
      for (Future<ApiResponse> future : futures) {
        answers.add(future.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .hasSize(clients - 1)
        .allSatisfy(
            a -> {
              assertThat(a.status()).as(a.toString()).isEqualTo(401);
              assertThat(a.errorCode()).isEqualTo("OIDC_TOKEN_REPLAYED");
            });
    assertThat(identities("corp", subject)).isEqualTo(1);
    long userId =
        Db.number(
            "SELECT user_id FROM external_identities WHERE provider = 'corp' AND subject = ?",
            subject);
    assertThat(sessionsOf(userId)).isEqualTo(1);
  }

  @Test
  void a_sign_in_refused_for_its_second_factor_leaves_the_token_good_for_the_retry_with_it() {
    Accounts.User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    assertThat(
            organizer
                .api()
                .post("/me/totp/confirm", "{\"code\": \"" + totp(secret, 0) + "\"}")
                .status())
        .isEqualTo(204);
    String subject = UUID.randomUUID().toString();
    ApiResponse linked =
        api()
            .as(organizer.token())
            .post(
                "/me/identities/corp",
                "{\"idToken\": \"%s\"}"
                    .formatted(
                        idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("e.test")))));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    String token = idToken("corp", CORP_CLIENT, subject, person(uniqueEmail("e.test")));

    ApiResponse first = exchange("corp", token);
    assertThat(first.status()).as(first.toString()).isEqualTo(401);
    assertThat(first.errorCode()).isEqualTo("TOTP_REQUIRED");
    ApiResponse withCode =
        api()
            .post(
                "/auth/oidc/corp",
                "{\"idToken\": \"%s\", \"totpCode\": \"%s\"}".formatted(token, totp(secret, 1)));

    assertThat(withCode.status()).as(withCode.toString()).isEqualTo(200);
    assertThat(userId(withCode)).isEqualTo(organizer.id());
  }

  private static String totp(String secret, int steps) {
    long now = System.currentTimeMillis() / 1000 + (long) steps * Totp.STEP_SECONDS;
    return Totp.code(Base32.decode(secret), now, Totp.DIGITS);
  }

  private static long sessionsOf(long userId) {
    return Db.number("SELECT count(*) FROM sessions WHERE user_id = ?", userId);
  }

  private static long userId(ApiResponse signedIn) {
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    return signedIn.data().getJsonObject("user").getJsonNumber("id").longValue();
  }
}
