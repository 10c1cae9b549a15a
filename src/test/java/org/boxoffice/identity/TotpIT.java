package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import org.boxoffice.identity.control.AesGcm;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class TotpIT {
  private static String currentCode(String secret) {
    return Totp.code(Base32.decode(secret), System.currentTimeMillis() / 1000, Totp.DIGITS);
  }

  /**
   * The code of the next time step: accepted (one step of drift) and always later than a code used
   * before it in a test, so it is never refused as a replay.
   */
  private static String nextCode(String secret) {
    return Totp.code(
        Base32.decode(secret), System.currentTimeMillis() / 1000 + Totp.STEP_SECONDS, Totp.DIGITS);
  }

  private static ApiResponse login(String email, String totpCode) {
    String code = totpCode == null ? "" : ", \"totpCode\": \"" + totpCode + "\"";
    return Api.server()
        .post(
            "/auth/login",
            "{\"email\": \"%s\", \"password\": \"%s\"%s}"
                .formatted(email, Accounts.PASSWORD, code));
  }

  @Test
  void an_organizer_enrols_confirms_and_then_signs_in_only_with_a_code_or_a_recovery_code() {
    Accounts.User organizer = Accounts.organizer();
    ApiResponse enrolment = organizer.api().post("/me/totp", null);
    assertThat(enrolment.status()).isEqualTo(200);
    String secret = enrolment.data().getString("secret");
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(enrolment.data().getString("otpauthUri"))
        .startsWith("otpauth://totp/boxoffice:")
        .contains("secret=" + secret);
    var recoveryCodes = enrolment.data().getJsonArray("recoveryCodes");
    assertThat(recoveryCodes).hasSize(10);
    String recoveryCode = recoveryCodes.getString(0);
    assertThat(
            Db.number(
                "SELECT count(*) FROM totp_recovery_codes WHERE user_id = ? AND code_hash <> ?",
                organizer.id(),
                recoveryCode))
        .isEqualTo(10);
    // Not on until confirmed: signing in still needs no code.
    assertThat(login(organizer.email(), null).status()).isEqualTo(200);

    ApiResponse wrongConfirm = organizer.api().post("/me/totp/confirm", "{\"code\": \"000000\"}");
    if (!currentCode(secret).equals("000000")) {
      assertThat(wrongConfirm.status()).isEqualTo(400);
      assertThat(wrongConfirm.errorFields()).containsExactly("code");
    }
    ApiResponse confirmed =
        organizer.api().post("/me/totp/confirm", "{\"code\": \"" + currentCode(secret) + "\"}");
    assertThat(confirmed.status()).isEqualTo(204);
    assertThat(Db.query("SELECT totp_enabled FROM users WHERE id = ?", organizer.id()).get(0))
        .containsEntry("totp_enabled", true);

    ApiResponse noCode = login(organizer.email(), null);
    assertThat(noCode.status()).isEqualTo(401);
    assertThat(noCode.errorCode()).isEqualTo("TOTP_REQUIRED");
    String wrong = currentCode(secret).equals("123456") ? "654321" : "123456";
    ApiResponse wrongCode = login(organizer.email(), wrong);
    assertThat(wrongCode.status()).isEqualTo(401);
    assertThat(wrongCode.errorCode()).isEqualTo("INVALID_CREDENTIALS");
    assertThat(login(organizer.email(), nextCode(secret)).status()).isEqualTo(200);

    assertThat(login(organizer.email(), recoveryCode).status()).isEqualTo(200);
    assertThat(login(organizer.email(), recoveryCode).status()).isEqualTo(401);
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.totp.enabled'",
                organizer.id()))
        .isEqualTo(1);
  }

  @Test
  void confirming_without_enrolment_or_with_a_malformed_body_is_refused_and_nothing_changes() {
    Accounts.User organizer = Accounts.organizer();
    ApiResponse notEnrolled = organizer.api().post("/me/totp/confirm", "{\"code\": \"123456\"}");
    assertThat(notEnrolled.status()).isEqualTo(409);
    assertThat(notEnrolled.errorCode()).isEqualTo("TOTP_NOT_ENROLLED");
    ApiResponse missing = organizer.api().post("/me/totp/confirm", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).containsExactly("code");
    ApiResponse tooLong =
        organizer.api().post("/me/totp/confirm", "{\"code\": \"12345678901234567890\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorFields()).containsExactly("code");
    assertThat(Db.query("SELECT totp_enabled FROM users WHERE id = ?", organizer.id()).get(0))
        .containsEntry("totp_enabled", false);
  }

  @Test
  void disabling_needs_a_current_code_and_is_audited() {
    Accounts.User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    organizer.api().post("/me/totp/confirm", "{\"code\": \"" + currentCode(secret) + "\"}");
    String wrong = currentCode(secret).equals("123456") ? "654321" : "123456";
    ApiResponse refused = organizer.api().post("/me/totp/disable", "{\"code\": \"" + wrong + "\"}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("code");
    ApiResponse disabled =
        organizer.api().post("/me/totp/disable", "{\"code\": \"" + nextCode(secret) + "\"}");
    assertThat(disabled.status()).isEqualTo(204);
    assertThat(login(organizer.email(), null).status()).isEqualTo(200);
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.totp.disabled'",
                organizer.id()))
        .isEqualTo(1);
  }

  @Test
  void a_code_is_accepted_once_and_refused_when_presented_again_within_its_window() {
    Accounts.User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    String confirmCode = currentCode(secret);
    assertThat(
            organizer
                .api()
                .post("/me/totp/confirm", "{\"code\": \"" + confirmCode + "\"}")
                .status())
        .isEqualTo(204);

    ApiResponse confirmCodeAgain = login(organizer.email(), confirmCode);
    assertThat(confirmCodeAgain.status()).isEqualTo(401);
    assertThat(confirmCodeAgain.errorCode()).isEqualTo("INVALID_CREDENTIALS");

    String code = nextCode(secret);
    assertThat(login(organizer.email(), code).status()).isEqualTo(200);
    ApiResponse replayed = login(organizer.email(), code);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.errorCode()).isEqualTo("INVALID_CREDENTIALS");
  }

  @Test
  void the_secret_is_stored_encrypted_with_the_server_key_and_bound_to_the_account()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");

    String stored = storedSecret(organizer.id());
    assertThat(stored).startsWith("v1:").doesNotContain(secret);
    AesGcm devKey = new AesGcm(Base64.getDecoder().decode(devKeyFile().strip()));
    assertThat(devKey.open(stored, "boxoffice-totp-secret:" + organizer.id())).isEqualTo(secret);
  }

  @Test
  void a_secret_stored_in_clear_before_encryption_still_works_and_is_sealed_at_its_next_use() {
    Accounts.User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    organizer.api().post("/me/totp/confirm", "{\"code\": \"" + currentCode(secret) + "\"}");
    Db.update("UPDATE users SET totp_secret = ? WHERE id = ?", secret, organizer.id());

    assertThat(login(organizer.email(), nextCode(secret)).status()).isEqualTo(200);

    assertThat(storedSecret(organizer.id())).startsWith("v1:").doesNotContain(secret);
  }

  private static String storedSecret(long userId) {
    return (String)
        Db.query("SELECT totp_secret FROM users WHERE id = ?", userId).get(0).get("totp_secret");
  }

  private static String devKeyFile() throws Exception {
    return Files.readString(ServerLog.serverDir().resolve("data/totp/dev-key"));
  }
}
