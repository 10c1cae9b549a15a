package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
  private static final byte[] RFC_SECRET =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 6238 appendix B, SHA-1 column (8 digits). */
  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void codes_match_the_rfc_6238_test_vectors(long time, String expected) {
    assertThat(Totp.code(RFC_SECRET, time, 8)).isEqualTo(expected);
  }

  @Test
  void a_code_matches_its_step_one_step_either_side_and_not_two() {
    String secret = Base32.encode(RFC_SECRET);
    long now = 1_111_111_111L;
    long step = now / Totp.STEP_SECONDS;
    String code = Totp.code(RFC_SECRET, now, 6);
    assertThat(Totp.matchingStep(secret, code, now)).hasValue(step);
    assertThat(Totp.matchingStep(secret, code, now + 30)).hasValue(step);
    assertThat(Totp.matchingStep(secret, code, now - 30)).hasValue(step);
    assertThat(Totp.matchingStep(secret, code, now + 90)).isEmpty();
  }

  @Test
  void malformed_codes_are_refused_without_error() {
    String secret = Totp.newSecret();
    assertThat(Totp.matchingStep(secret, null, 0)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", 0)).isEmpty();
    assertThat(Totp.matchingStep(secret, "abcdef", 0)).isEmpty();
  }

  @Test
  void an_account_accepts_each_time_step_once_and_never_an_earlier_one() {
    Account account =
        new Account("a@example.test", "hash", "A", "B", Role.ORGANIZER, Instant.EPOCH);
    account.beginTotpEnrolment(Totp.newSecret());

    assertThat(account.acceptTotpStep(100)).isTrue();
    assertThat(account.acceptTotpStep(100)).as("the same code again").isFalse();
    assertThat(account.acceptTotpStep(99)).as("the previous step, still in the window").isFalse();
    assertThat(account.acceptTotpStep(101)).isTrue();

    account.disableTotp();
    account.beginTotpEnrolment(Totp.newSecret());
    assertThat(account.acceptTotpStep(50)).as("a new secret starts afresh").isTrue();
  }

  @Test
  void secrets_are_160_bit_base32_and_round_trip() {
    String secret = Totp.newSecret();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(Base32.decode(secret)).hasSize(20);
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
  }

  @Test
  void the_otpauth_uri_names_issuer_account_and_parameters() {
    assertThat(Totp.uri("boxoffice", "a b@x.test", "ABC"))
        .isEqualTo(
            "otpauth://totp/boxoffice:a%20b%40x.test?secret=ABC&issuer=boxoffice"
                + "&algorithm=SHA1&digits=6&period=30");
  }
}
