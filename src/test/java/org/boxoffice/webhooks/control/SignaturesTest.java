package org.boxoffice.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Boxoffice's signer against the published test vector of the Standard Webhooks specification. */
class SignaturesTest {
  // The test vector published with the Standard Webhooks reference libraries (their test "sign
  // function works", github.com/standard-webhooks/standard-webhooks): secret, id, timestamp and
  // body, and the signature they give.
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330L;
  private static final String BODY = "{\"test\": 2432232314}";
  private static final String EXPECTED = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void the_specifications_example_signs_to_its_published_signature() {
    assertThat(Signatures.sign(ID, TIMESTAMP, BODY, SECRET)).isEqualTo(EXPECTED);
    assertThat(Signatures.header(ID, TIMESTAMP, BODY, List.of(SECRET))).isEqualTo("v1," + EXPECTED);
  }

  @Test
  void the_standardwebhooks_library_signs_a_new_secret_as_boxoffice_does() throws Exception {
    String secret = Signatures.newSecret();
    String body = "{\"type\": \"booking.confirmed\", \"data\": {\"name\": \"Zoë\"}}";
    assertThat(new com.standardwebhooks.Webhook(secret).sign(ID, TIMESTAMP, body))
        .isEqualTo(Signatures.header(ID, TIMESTAMP, body, List.of(secret)));
  }

  @Test
  void two_secrets_give_two_signatures_newest_first() {
    String other = Signatures.newSecret();
    String header = Signatures.header(ID, TIMESTAMP, BODY, List.of(other, SECRET));
    assertThat(header.split(" "))
        .containsExactly("v1," + Signatures.sign(ID, TIMESTAMP, BODY, other), "v1," + EXPECTED);
  }

  @Test
  void a_new_secret_is_whsec_and_32_random_bytes() {
    String secret = Signatures.newSecret();
    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(Signatures.newSecret()).isNotEqualTo(secret);
  }
}
