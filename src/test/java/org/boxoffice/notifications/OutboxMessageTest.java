package org.boxoffice.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {
  static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

  static OutboxMessage queued() {
    return OutboxMessage.queue(
        new OutboxMessage.Content("confirmation", "a@example.test", "s", "t", "h", 1L, null), NOW);
  }

  @Test
  void failed_attempts_back_off_exponentially_and_the_email_dies_after_the_last() {
    OutboxMessage m = queued();
    Duration lastGap = Duration.ZERO;
    for (int attempt = 1; attempt < 4; attempt++) {
      m.lease(NOW.plusSeconds(120));
      m.failed("down", NOW, 4);
      assertThat(m.queued()).isTrue();
      Duration gap = Duration.between(NOW, m.nextAttemptAt());
      assertThat(gap).isGreaterThan(lastGap);
      lastGap = gap;
    }
    m.lease(NOW.plusSeconds(120));
    m.failed("down", NOW, 4);

    assertThat(m.queued()).isFalse();
    assertThat(m.attempts()).isEqualTo(4);
  }

  @Test
  void account_emails_and_waiting_list_offers_go_before_confirmations() {
    assertThat(OutboxMessage.priorityOf("account-verify-email")).isEqualTo(OutboxMessage.URGENT);
    assertThat(OutboxMessage.priorityOf("account-password-reset")).isEqualTo(OutboxMessage.URGENT);
    assertThat(OutboxMessage.priorityOf("waitlist-offer")).isEqualTo(OutboxMessage.URGENT);
    assertThat(OutboxMessage.priorityOf("confirmation")).isEqualTo(OutboxMessage.NORMAL);
    assertThat(OutboxMessage.URGENT).isLessThan(OutboxMessage.NORMAL);
    assertThat(queued().priority()).isEqualTo(OutboxMessage.NORMAL);
  }

  @Test
  void a_sent_email_is_no_longer_queued() {
    OutboxMessage m = queued();
    m.lease(NOW.plusSeconds(120));
    m.sent(NOW);

    assertThat(m.queued()).isFalse();
  }

  @Test
  void templates_escape_user_data_in_html_and_keep_the_subject_on_one_line() {
    Templates.Rendered mail =
        Templates.render(
            "confirmation",
            Locale.ENGLISH,
            Map.of(
                "eventTitle", "<script>x</script>\r\nBcc: evil@example.test",
                "firstName", "Ann & \"Bo\""));

    assertThat(mail.subject()).doesNotContain("\n").doesNotContain("\r");
    assertThat(mail.html())
        .contains("&lt;script&gt;x&lt;/script&gt;")
        .contains("Ann &amp; &quot;Bo&quot;")
        .doesNotContain("<script>");
    assertThat(mail.text()).contains("Ann & \"Bo\"");
    assertThat(mail.html()).doesNotContain("{{");
  }

  @Test
  void the_event_cancelled_email_has_its_own_words_with_user_data_escaped() {
    Templates.Rendered mail =
        Templates.render(
            "event-cancelled",
            Locale.ENGLISH,
            Map.of(
                "eventTitle", "Jazz <b>&</b>",
                "firstName", "Ann",
                "bookingId", "42",
                "eventStart", "Sat 9 Jan 2027, 20:00 +01:00",
                "money", "You paid 24.00 EUR: it is refunded to you in full."));

    assertThat(mail.subject()).isEqualTo("Event cancelled: Jazz <b>&</b>");
    assertThat(mail.text())
        .contains("the organizer has cancelled Jazz <b>&</b>")
        .contains("booking 42")
        .contains("refunded to you in full");
    assertThat(mail.html())
        .contains("Jazz &lt;b&gt;&amp;&lt;/b&gt;")
        .contains("refunded to you in full")
        .doesNotContain("{{");
  }
}
