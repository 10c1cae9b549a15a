package org.boxoffice.notifications.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbox sender's batches: a backlog is drained, and a stop ends it between batches. */
class OutboxSenderTest {
  final AtomicInteger batches = new AtomicInteger();
  final AtomicBoolean stopping = new AtomicBoolean();

  @Test
  void a_backlog_is_claimed_batch_after_batch_until_one_comes_back_empty() {
    int ran = OutboxSender.inBatches(() -> batches.get() < 5 ? fullBatch() : 0, stopping::get);

    assertThat(ran).isEqualTo(6);
  }

  @Test
  void a_short_batch_is_followed_by_another_claim_for_what_arrived_meanwhile() {
    int[] sizes = {20, 3, 1, 0, 20};

    int ran = OutboxSender.inBatches(() -> sizes[batches.getAndIncrement()], stopping::get);

    assertThat(ran).isEqualTo(4);
  }

  @Test
  void stopping_mid_run_delivers_the_claimed_batch_and_claims_no_other() {
    int ran =
        OutboxSender.inBatches(
            () -> {
              if (batches.incrementAndGet() == 2) {
                stopping.set(true);
              }
              return 20;
            },
            stopping::get);

    assertThat(ran).isEqualTo(2);
    assertThat(batches.get()).isEqualTo(2);
  }

  @Test
  void once_stopped_a_run_claims_nothing() {
    stopping.set(true);

    int ran = OutboxSender.inBatches(this::fullBatch, stopping::get);

    assertThat(ran).isZero();
    assertThat(batches.get()).isZero();
  }

  private int fullBatch() {
    batches.incrementAndGet();
    return 20;
  }
}
