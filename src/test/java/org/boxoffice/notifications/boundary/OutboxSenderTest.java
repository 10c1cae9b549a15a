package org.boxoffice.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.boxoffice.notifications.control.Mailer;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

/** The outbox sender delivers what it claimed, but claims nothing more once the app stops. */
class OutboxSenderTest {
  final AtomicInteger claims = new AtomicInteger();
  final List<Long> delivered = new ArrayList<>();
  final OutboxSender sender = new OutboxSender();

  OutboxSenderTest() {
    sender.migrations =
        new SchemaMigrations() {
          @Override
          public boolean isComplete() {
            return true;
          }
        };
    sender.mailer =
        new Mailer() {
          @Override
          public boolean configured() {
            return true;
          }

          @Override
          public void send(
              String recipient, String subject, String text, String html, List<Attachment> files) {}
        };
    Counter counter =
        (Counter)
            Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Counter.class}, (p, m, a) -> null);
    sender.metrics =
        (MetricRegistry)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class},
                (p, m, a) -> m.getName().equals("counter") ? counter : null);
    sender.clock = Clock.systemUTC();
  }

  @Test
  void a_full_backlog_is_claimed_batch_after_batch_while_running() {
    sender.outbox = outboxWithFullBatches(5, Integer.MAX_VALUE);

    sender.run();

    assertThat(claims.get()).isEqualTo(6);
    assertThat(delivered).hasSize(5 * 20);
  }

  @Test
  void stopping_mid_run_delivers_the_claimed_batch_and_claims_no_other() {
    sender.outbox = outboxWithFullBatches(5, 2);

    sender.run();

    assertThat(claims.get()).isEqualTo(2);
    assertThat(delivered).hasSize(2 * 20).doesNotHaveDuplicates();
  }

  @Test
  void once_stopped_a_scheduled_run_claims_nothing() {
    sender.outbox = outboxWithFullBatches(5, Integer.MAX_VALUE);
    sender.stop();

    sender.run();

    assertThat(claims.get()).isZero();
  }

  /**
   * {@code full} batches of 20 due emails, then an empty claim; the application stops while batch
   * number {@code stopAt} is being claimed.
   */
  private Outbox outboxWithFullBatches(int full, int stopAt) {
    return new Outbox() {
      @Override
      public List<Claimed> claim(int limit, Duration lease) {
        int n = claims.incrementAndGet();
        if (n == stopAt) {
          sender.stop();
        }
        if (n > full) {
          return List.of();
        }
        return LongStream.range((n - 1) * (long) limit, n * (long) limit)
            .mapToObj(
                id ->
                    new Claimed(
                        id,
                        1,
                        new OutboxMessage.Content(
                            "confirmation", "a@example.test", "s", "t", "h", null, "")))
            .toList();
      }

      @Override
      public void sent(long id) {
        delivered.add(id);
      }
    };
  }
}
