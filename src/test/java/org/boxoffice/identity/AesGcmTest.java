package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.boxoffice.identity.control.AesGcm;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.control.Totp;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private final AesGcm box = new AesGcm(Secrets.randomBytes(32));

  @Test
  void a_sealed_secret_opens_with_its_context_and_hides_the_secret() {
    String secret = Totp.newSecret();
    String sealed = box.seal(secret, "user:1");

    assertThat(sealed).startsWith("v1:").doesNotContain(secret);
    assertThat(AesGcm.isSealed(sealed)).isTrue();
    assertThat(AesGcm.isSealed(secret)).isFalse();
    assertThat(box.open(sealed, "user:1")).isEqualTo(secret);
    assertThat(sealed.length()).isLessThanOrEqualTo(200);
  }

  @Test
  void sealing_twice_gives_different_text_because_each_value_has_its_own_nonce() {
    String secret = Totp.newSecret();
    assertThat(box.seal(secret, "user:1")).isNotEqualTo(box.seal(secret, "user:1"));
  }

  @Test
  void another_context_another_key_or_an_altered_value_does_not_open() {
    String sealed = box.seal(Totp.newSecret(), "user:1");

    assertThatThrownBy(() -> box.open(sealed, "user:2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AesGcm(Secrets.randomBytes(32)).open(sealed, "user:1"))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(altered, "user:1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open("v1:not base64!", "user:1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open("v1:AAAA", "user:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void only_a_256_bit_key_is_accepted() {
    assertThatThrownBy(() -> new AesGcm(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
