package org.boxoffice.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.junit.jupiter.api.Test;

class OutboxRequeueTest {
  static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

  static OutboxMessage dead() {
    OutboxMessage m =
        OutboxMessage.queue(
            new OutboxMessage.Content("refund", "a@example.test", "s", "t", "h", 1L, null), NOW);
    m.lease(NOW.plusSeconds(120));
    m.failed("550 mailbox unavailable", NOW, 1);
    return m;
  }

  @Test
  void a_dead_email_is_queued_again_due_now_with_a_fresh_count_of_attempts() {
    OutboxMessage m = dead();
    assertThat(m.queued()).isFalse();

    Instant later = NOW.plusSeconds(3600);
    assertThat(m.requeue(later)).isTrue();

    assertThat(m.queued()).isTrue();
    assertThat(m.attempts()).isZero();
    assertThat(m.nextAttemptAt()).isEqualTo(later);
  }

  @Test
  void a_queued_or_sent_email_is_not_requeued() {
    OutboxMessage queued =
        OutboxMessage.queue(
            new OutboxMessage.Content("refund", "a@example.test", "s", "t", "h", 1L, null), NOW);
    queued.lease(NOW.plusSeconds(120));
    assertThat(queued.requeue(NOW)).isFalse();
    assertThat(queued.attempts()).isEqualTo(1);

    queued.sent(NOW);
    assertThat(queued.requeue(NOW)).isFalse();
    assertThat(queued.queued()).isFalse();
  }
}
