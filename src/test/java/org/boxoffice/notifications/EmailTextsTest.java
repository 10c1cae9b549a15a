package org.boxoffice.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.boxoffice.notifications.control.EmailFormats;
import org.boxoffice.notifications.control.Templates;
import org.junit.jupiter.api.Test;

/** The emails' texts come from one bundle per language, complete in both, formatted per locale. */
class EmailTextsTest {
  static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");
  static final List<String> TEMPLATES =
      List.of(
          "cancellation",
          "change-email",
          "confirmation",
          "email-change-notice",
          "event-cancelled",
          "password-reset",
          "refund",
          "verify-email",
          "waitlist-closed",
          "waitlist-offer");

  static Properties load(String name) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
        EmailTextsTest.class.getResourceAsStream("/org/boxoffice/notifications/" + name)) {
      assertThat(in).as(name).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @Test
  void english_and_traditional_chinese_have_the_same_keys() throws IOException {
    assertThat(load("emails_zh_TW.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("emails.properties").stringPropertyNames());
    assertThat(load("emails_en.properties")).isEmpty();
  }

  @Test
  void every_email_renders_in_both_languages_with_nothing_left_unfilled() {
    for (Locale locale : List.of(Locale.ENGLISH, ZH_TW)) {
      for (String template : TEMPLATES) {
        Templates.Rendered mail =
            Templates.render(template, locale, Map.of("firstName", "Ann", "eventTitle", "Jazz"));
        assertThat(mail.subject()).as(template).isNotBlank().doesNotContain("[[", "{{");
        assertThat(mail.text()).as(template).doesNotContain("[[", "{{");
        assertThat(mail.html())
            .as(template)
            .doesNotContain("[[", "{{")
            .contains("lang=\"" + locale.toLanguageTag() + "\"");
      }
    }
    assertThat(Templates.render("verify-email", ZH_TW, Map.of()).subject())
        .isEqualTo("請確認你在 Boxoffice 的電子郵件地址");
  }

  @Test
  void dates_are_in_the_event_time_zone_and_money_the_language_way() {
    Instant at = Instant.parse("2027-04-10T11:30:00Z");
    assertThat(EmailFormats.when(at, "Asia/Taipei", Locale.ENGLISH))
        .isEqualTo("Saturday, April 10, 2027 7:30 PM (Asia/Taipei)")
        .doesNotContain("11:30");
    assertThat(EmailFormats.when(at, "Asia/Taipei", ZH_TW))
        .isEqualTo("2027年4月10日 星期六 下午7:30 (Asia/Taipei)");
    BigDecimal amount = new BigDecimal("1234.5");
    assertThat(EmailFormats.money(amount, "USD", Locale.ENGLISH)).isEqualTo("$1,234.50");
    assertThat(EmailFormats.money(amount, "USD", ZH_TW)).isEqualTo("US$1,234.50");
    assertThat(EmailFormats.validFor(Duration.ofHours(24), Locale.ENGLISH)).isEqualTo("24 hours");
    assertThat(EmailFormats.validFor(Duration.ofMinutes(50), Locale.ENGLISH)).isEqualTo("1 hour");
    assertThat(EmailFormats.validFor(Duration.ofHours(24), ZH_TW)).isEqualTo("24 小時");
    assertThat(Templates.text(Locale.ENGLISH, "seats", 2)).isEqualTo("2 seats are");
    assertThat(Templates.text(Locale.ENGLISH, "seats", 1)).isEqualTo("1 seat is");
  }
}
