package org.boxoffice.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the attendee pages exists in both languages, and nothing only in one. */
class TextsBundleTest {
  private static Properties load(String name) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = TextsBundleTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @Test
  void english_and_traditional_chinese_have_the_same_keys() throws IOException {
    Properties english = load("texts.properties");
    Properties chinese = load("texts_zh_TW.properties");
    assertThat(chinese.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(load("texts_en.properties")).isEmpty();
  }

  @Test
  void every_ticket_status_has_a_text() throws IOException {
    Properties english = load("texts.properties");
    for (var status : org.boxoffice.tickets.entity.TicketStatus.values()) {
      assertThat(english).containsKey("ticket.status." + status.name());
    }
  }
}
