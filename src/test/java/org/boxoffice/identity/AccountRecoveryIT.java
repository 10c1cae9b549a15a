package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verification and reset emails travel the real way: the outbox of a copy of the server delivers
 * them over SMTP to GreenMail (in this JVM), and the tests follow the link they carry.
 */
class AccountRecoveryIT {
  static final String PUBLIC_BASE_URL = Mailbox.PUBLIC_BASE_URL;
  static Mailbox mail;
  static LibertyServer copy;

  @BeforeAll
  static void start() {
    mail = new Mailbox();
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.putAll(mail.env());
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    copy = LibertyServer.copyOfMain("boxoffice-mail", LibertyServer.port(20), env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  @Test
  void registration_emails_a_link_whose_token_verifies_the_address_once() throws Exception {
    String email = register();
    long userId = userId(email);
    assertThat(Db.query("SELECT email_verified FROM users WHERE id = ?", userId).get(0))
        .containsEntry("email_verified", false);

    MimeMessage confirmation = mail.await(email, "Confirm your email address");
    String token = Mailbox.tokenIn(confirmation, "verify-email");
    assertThat(Db.number("SELECT count(*) FROM one_time_tokens WHERE token_hash = ?", token))
        .isZero();
    assertThat(
            Db.number("SELECT count(*) FROM one_time_tokens WHERE token_hash = ?", sha256(token)))
        .isEqualTo(1);

    assertThat(copy.api().post("/auth/verify-email", tokenJson(token)).status()).isEqualTo(204);
    assertThat(Db.query("SELECT email_verified FROM users WHERE id = ?", userId).get(0))
        .containsEntry("email_verified", true);
    ApiResponse again = copy.api().post("/auth/verify-email", tokenJson(token));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorFields()).containsExactly("token");

    await(
        () ->
            Db.number(
                    "SELECT count(*) FROM outbox WHERE recipient = ? AND status = 'SENT'"
                        + " AND text_body NOT LIKE ? AND html_body NOT LIKE ?",
                    email,
                    "%" + token + "%",
                    "%" + token + "%")
                == 1,
        "the delivered email still holds its link in the outbox");
    assertThat(copy.messages()).doesNotContain(token);
    assertThat(ServerLog.messages()).doesNotContain(token);
  }

  @Test
  void a_reset_link_sets_a_new_password_once_and_ends_every_session() throws Exception {
    String email = register();
    Accounts.User signedIn = Accounts.login(email, Accounts.PASSWORD);
    assertThat(copy.api().post("/auth/password-reset", emailJson(email)).status()).isEqualTo(202);
    String token =
        Mailbox.tokenIn(mail.await(email, "Reset your Boxoffice password"), "password-reset");

    ApiResponse weak =
        copy.api().post("/auth/password-reset/confirm", resetJson(token, "password"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.errorFields()).containsExactly("newPassword");

    String newPassword = "a-brand-new-passphrase-" + UUID.randomUUID();
    assertThat(
            copy.api().post("/auth/password-reset/confirm", resetJson(token, newPassword)).status())
        .isEqualTo(204);
    // Asked of the copy, which ended the sessions: other replicas may trust theirs for 5 s more.
    assertThat(copy.api().as(signedIn.token()).get("/me").status()).isEqualTo(401);
    assertThat(Accounts.login(email, newPassword).id()).isEqualTo(signedIn.id());
    assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(401);

    ApiResponse reused =
        copy.api()
            .post("/auth/password-reset/confirm", resetJson(token, "yet-another-passphrase-9"));
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.errorFields()).containsExactly("token");
    assertThat(Accounts.login(email, newPassword).id()).isEqualTo(signedIn.id());
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.password.reset'",
                signedIn.id()))
        .isEqualTo(1);
    assertThat(copy.messages()).doesNotContain(token);
  }

  @Test
  void an_expired_reset_link_is_refused_and_the_password_stays() throws Exception {
    String email = register();
    copy.api().post("/auth/password-reset", emailJson(email));
    String token =
        Mailbox.tokenIn(mail.await(email, "Reset your Boxoffice password"), "password-reset");
    assertThat(
            Db.update(
                "UPDATE one_time_tokens SET expires_at = ? WHERE token_hash = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                sha256(token)))
        .isEqualTo(1);

    ApiResponse expired =
        copy.api()
            .post("/auth/password-reset/confirm", resetJson(token, "a-passphrase-too-late-42"));
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.errorFields()).containsExactly("token");
    assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void a_reset_for_an_unknown_email_answers_exactly_like_a_known_one_and_sends_nothing()
      throws Exception {
    String known = register();
    String unknown = "nobody-" + UUID.randomUUID() + "@example.test";

    ApiResponse forUnknown = copy.api().post("/auth/password-reset", emailJson(unknown));
    ApiResponse forKnown = copy.api().post("/auth/password-reset", emailJson(known));

    assertThat(forUnknown.status()).isEqualTo(202).isEqualTo(forKnown.status());
    assertThat(forUnknown.body()).isEqualTo(forKnown.body());
    // The outbox sends in id order: once the later email arrived, an earlier one would have too.
    mail.await(known, "Reset your Boxoffice password");
    assertThat(mail.received(unknown)).isEmpty();
    assertThat(Db.number("SELECT count(*) FROM outbox WHERE recipient = ?", unknown)).isZero();
  }

  @Test
  void verify_email_refuses_bad_input_with_the_field_named() {
    Api api = Api.server();
    ApiResponse missing = api.post("/auth/verify-email", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).containsExactly("token");
    ApiResponse unknown = api.post("/auth/verify-email", tokenJson("never-issued"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("token");
    assertThat(api.post("/auth/verify-email", "not json").status()).isEqualTo(400);
  }

  @Test
  void password_reset_refuses_bad_input_with_the_field_named_and_stores_nothing() {
    Api api = Api.server();
    long before = Db.number("SELECT count(*) FROM one_time_tokens");
    ApiResponse badEmail = api.post("/auth/password-reset", emailJson("not-an-email"));
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.errorFields()).containsExactly("email");
    ApiResponse noToken =
        api.post("/auth/password-reset/confirm", "{\"newPassword\": \"long-enough-passphrase\"}");
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(noToken.errorFields()).containsExactly("token");
    ApiResponse noPassword = api.post("/auth/password-reset/confirm", tokenJson("abc"));
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.errorFields()).containsExactly("newPassword");
    ApiResponse unknownToken =
        api.post(
            "/auth/password-reset/confirm", resetJson("never-issued", "long-enough-passphrase"));
    assertThat(unknownToken.status()).isEqualTo(400);
    assertThat(unknownToken.errorFields()).containsExactly("token");
    assertThat(Db.number("SELECT count(*) FROM one_time_tokens")).isEqualTo(before);
  }

  /** Registers a fresh attendee on the copy; returns its email. */
  private static String register() {
    String email = "recovery-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        copy.api()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "Rita", "lastName": "Covery"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return email;
  }

  private static long userId(String email) {
    return Db.number("SELECT id FROM users WHERE email_lower = ?", email.toLowerCase());
  }

  private static ApiResponse login(String email, String password) {
    return copy.api()
        .post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
  }

  private static void await(BooleanSupplier condition, String failure) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(failure);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static String tokenJson(String token) {
    return "{\"token\": \"" + token + "\"}";
  }

  private static String emailJson(String email) {
    return "{\"email\": \"" + email + "\"}";
  }

  private static String resetJson(String token, String newPassword) {
    return "{\"token\": \"%s\", \"newPassword\": \"%s\"}".formatted(token, newPassword);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
