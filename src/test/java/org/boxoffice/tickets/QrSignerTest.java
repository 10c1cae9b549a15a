package org.boxoffice.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.boxoffice.tickets.control.QrSigner;
import org.boxoffice.tickets.control.TicketNumbers;
import org.junit.jupiter.api.Test;

class QrSignerTest {
  static final byte[] KEY = new byte[32];
  static final QrSigner SIGNER = new QrSigner(KEY);

  @Test
  void a_signed_code_verifies_to_its_ticket() {
    String code = SIGNER.sign(42, "BX-7K3Q-9D2M");

    assertThat(code).startsWith("BX1.42.BX-7K3Q-9D2M.");
    assertThat(SIGNER.verify(code)).contains(new QrSigner.Claim(42, "BX-7K3Q-9D2M"));
  }

  @Test
  void an_altered_id_number_or_signature_is_refused() {
    String code = SIGNER.sign(42, "BX-7K3Q-9D2M");

    assertThat(SIGNER.verify(code.replace("BX1.42.", "BX1.43."))).isEmpty();
    assertThat(SIGNER.verify(code.replace("9D2M", "9D2N"))).isEmpty();
    char last = code.charAt(code.length() - 1);
    assertThat(SIGNER.verify(code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A')))
        .isEmpty();
  }

  @Test
  void a_code_signed_with_another_key_is_refused() {
    byte[] other = Arrays.copyOf(KEY, 32);
    other[0] = 1;

    assertThat(SIGNER.verify(new QrSigner(other).sign(42, "BX-7K3Q-9D2M"))).isEmpty();
  }

  @Test
  void during_a_rotation_codes_of_the_previous_key_verify_and_new_codes_use_the_new_key() {
    byte[] next = Arrays.copyOf(KEY, 32);
    next[31] = 7;
    String printedBefore = SIGNER.sign(42, "BX-7K3Q-9D2M");
    QrSigner rotating = new QrSigner(next, java.util.List.of(KEY));
    QrSigner afterRotation = new QrSigner(next);

    String printedAfter = rotating.sign(43, "BX-7K3Q-9D2N");

    assertThat(rotating.verify(printedBefore)).contains(new QrSigner.Claim(42, "BX-7K3Q-9D2M"));
    assertThat(SIGNER.verify(printedAfter)).as("signed with the new key, not the old").isEmpty();
    assertThat(afterRotation.verify(printedAfter)).isPresent();
    assertThat(afterRotation.verify(printedBefore)).as("old key dropped").isEmpty();
  }

  @Test
  void malformed_codes_are_refused_without_failing() {
    for (String bad :
        new String[] {
          null,
          "",
          "hello",
          "BX1..BX-0000-0000.x",
          "BX1.0.BX-0000-0000." + "a".repeat(43),
          "x".repeat(1000),
          "BX1.1.bx-0000-0000." + "a".repeat(43)
        }) {
      assertThat(SIGNER.verify(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void ticket_numbers_are_readable_and_avoid_misreadable_letters() {
    for (int i = 0; i < 1000; i++) {
      assertThat(TicketNumbers.next()).matches("BX-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }
  }
}
