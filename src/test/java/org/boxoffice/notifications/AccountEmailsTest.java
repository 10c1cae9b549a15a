package org.boxoffice.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.junit.jupiter.api.Test;

class AccountEmailsTest {
  static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");
  static final String LINK = "https://tickets.example.test/password-reset?token=abc_DEF-123";

  @Test
  void both_account_templates_carry_the_link_and_escape_the_name_in_html() {
    for (String template : new String[] {"verify-email", "password-reset"}) {
      Templates.Rendered mail =
          Templates.render(
              template,
              Locale.ENGLISH,
              Map.of("firstName", "<b>Ann</b>", "link", LINK, "validFor", "1 hour"));

      assertThat(mail.subject()).isNotBlank().doesNotContain("{{");
      assertThat(mail.text()).contains(LINK).contains("1 hour").contains("<b>Ann</b>");
      assertThat(mail.html())
          .contains("href=\"" + LINK + "\"")
          .contains("&lt;b&gt;Ann&lt;/b&gt;")
          .doesNotContain("<b>Ann")
          .doesNotContain("{{");
    }
  }

  @Test
  void an_account_email_loses_its_one_time_link_once_delivered() {
    OutboxMessage m =
        OutboxMessage.queue(
            new OutboxMessage.Content(
                OutboxMessage.ACCOUNT_KIND_PREFIX + "password-reset",
                "a@example.test",
                "Reset",
                "open " + LINK,
                "<a href=\"" + LINK + "\">",
                null,
                null),
            NOW);
    assertThat(m.content().text()).contains(LINK);

    m.lease(NOW.plusSeconds(120));
    m.sent(NOW);

    assertThat(m.content().text()).doesNotContain("token");
    assertThat(m.content().html()).doesNotContain("token");
    assertThat(m.content().subject()).isEqualTo("Reset");
  }

  @Test
  void other_emails_keep_their_body_after_delivery() {
    OutboxMessage m =
        OutboxMessage.queue(
            new OutboxMessage.Content("confirmation", "a@example.test", "s", "t", "h", 1L, null),
            NOW);
    m.lease(NOW.plusSeconds(120));
    m.sent(NOW);

    assertThat(m.content().text()).isEqualTo("t");
    assertThat(m.content().html()).isEqualTo("h");
  }
}
