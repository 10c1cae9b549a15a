package org.boxoffice.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharacterFilterTest {
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anEscapedNulIsFoundButAnEscapedBackslashBeforeU0000IsText() {
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("{\"a\": \"x\\u0000y\"}"))).isTrue();
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("{\"a\": \"x\\\\u0000y\"}"))).isFalse();
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("{\"a\": \"x\\\\\\u0000\"}"))).isTrue();
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("{\"a\": \"\\u00001\"}"))).isTrue();
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("{\"a\": \"\\u0001\"}"))).isFalse();
    assertThat(NulCharacterFilter.containsEscapedNul(utf8("\\u000"))).isFalse();
  }

  @Test
  void theFieldsHoldingANulAreNamedByTheirPath() {
    assertThat(
            NulCharacterFilter.jsonFieldsWithNul(
                utf8(
                    "{\"title\": \"a\\u0000\", \"ok\": \"b\", \"ticketTypes\": [{\"name\":"
                        + " \"\\u0000\"}]}")))
        .containsExactly("title", "ticketTypes.name");
    assertThat(NulCharacterFilter.jsonFieldsWithNul(utf8("\"\\u0000\""))).containsExactly("body");
    assertThat(NulCharacterFilter.jsonFieldsWithNul(utf8("{\"a\": \"\\u0000\""))).contains("a");
  }
}
