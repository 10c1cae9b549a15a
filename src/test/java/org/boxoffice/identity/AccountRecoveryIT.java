package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class AccountRecoveryIT {
  private final Api api = Api.server();

  @Test
  void the_emailed_token_verifies_the_address_once() {
    Accounts.User user = Accounts.attendee();
    assertThat(Db.query("SELECT email_verified FROM users WHERE id = ?", user.id()).get(0))
        .containsEntry("email_verified", false);
    String token = ServerLog.emailedToken(user.email(), "VERIFY_EMAIL");
    assertThat(Db.number("SELECT count(*) FROM one_time_tokens WHERE token_hash = ?", token))
        .isZero();
    assertThat(api.post("/auth/verify-email", "{\"token\": \"" + token + "\"}").status())
        .isEqualTo(204);
    assertThat(Db.query("SELECT email_verified FROM users WHERE id = ?", user.id()).get(0))
        .containsEntry("email_verified", true);
    ApiResponse again = api.post("/auth/verify-email", "{\"token\": \"" + token + "\"}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorFields()).containsExactly("token");
  }

  @Test
  void verify_email_refuses_bad_input_with_the_field_named() {
    ApiResponse missing = api.post("/auth/verify-email", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).containsExactly("token");
    ApiResponse unknown = api.post("/auth/verify-email", "{\"token\": \"never-issued\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("token");
    assertThat(api.post("/auth/verify-email", "not json").status()).isEqualTo(400);
  }

  @Test
  void a_password_reset_sets_the_new_password_and_ends_every_session() {
    Accounts.User user = Accounts.attendee();
    ApiResponse requested =
        api.post("/auth/password-reset", "{\"email\": \"" + user.email() + "\"}");
    assertThat(requested.status()).isEqualTo(202);
    assertThat(
            Db.number(
                "SELECT count(*) FROM pending_emails WHERE recipient = ? AND purpose = 'RESET_PASSWORD'",
                user.email()))
        .isEqualTo(1);
    String token = ServerLog.emailedToken(user.email(), "RESET_PASSWORD");

    ApiResponse weak =
        api.post(
            "/auth/password-reset/confirm",
            "{\"token\": \"" + token + "\", \"newPassword\": \"password\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.errorFields()).containsExactly("newPassword");

    String newPassword = "a-brand-new-passphrase-" + UUID.randomUUID();
    ApiResponse confirmed =
        api.post(
            "/auth/password-reset/confirm",
            "{\"token\": \"" + token + "\", \"newPassword\": \"" + newPassword + "\"}");
    assertThat(confirmed.status()).isEqualTo(204);
    assertThat(user.api().get("/me").status()).isEqualTo(401);
    assertThat(Accounts.login(user.email(), newPassword).id()).isEqualTo(user.id());
    ApiResponse oldPassword =
        api.post(
            "/auth/login",
            "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(user.email(), Accounts.PASSWORD));
    assertThat(oldPassword.status()).isEqualTo(401);
    ApiResponse reused =
        api.post(
            "/auth/password-reset/confirm",
            "{\"token\": \"" + token + "\", \"newPassword\": \"yet-another-passphrase-9\"}");
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.errorFields()).containsExactly("token");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.password.reset'",
                user.id()))
        .isEqualTo(1);
  }

  @Test
  void a_reset_for_an_unknown_email_answers_202_the_same_and_sends_nothing() {
    String email = "nobody-" + UUID.randomUUID() + "@example.test";
    ApiResponse response = api.post("/auth/password-reset", "{\"email\": \"" + email + "\"}");
    assertThat(response.status()).isEqualTo(202);
    assertThat(Db.number("SELECT count(*) FROM pending_emails WHERE recipient = ?", email))
        .isZero();
  }

  @Test
  void password_reset_refuses_bad_input_with_the_field_named_and_stores_nothing() {
    long before = Db.number("SELECT count(*) FROM one_time_tokens");
    ApiResponse badEmail = api.post("/auth/password-reset", "{\"email\": \"not-an-email\"}");
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.errorFields()).containsExactly("email");
    ApiResponse noToken =
        api.post("/auth/password-reset/confirm", "{\"newPassword\": \"long-enough-passphrase\"}");
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(noToken.errorFields()).containsExactly("token");
    ApiResponse noPassword = api.post("/auth/password-reset/confirm", "{\"token\": \"abc\"}");
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.errorFields()).containsExactly("newPassword");
    ApiResponse unknownToken =
        api.post(
            "/auth/password-reset/confirm",
            "{\"token\": \"never-issued\", \"newPassword\": \"long-enough-passphrase\"}");
    assertThat(unknownToken.status()).isEqualTo(400);
    assertThat(unknownToken.errorFields()).containsExactly("token");
    assertThat(Db.number("SELECT count(*) FROM one_time_tokens")).isEqualTo(before);
  }
}
