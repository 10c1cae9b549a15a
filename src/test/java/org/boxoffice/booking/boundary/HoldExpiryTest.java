package org.boxoffice.booking.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The expiry job's batches: a backlog is worked through, and a stop ends it between batches. */
class HoldExpiryTest {
  final AtomicInteger batches = new AtomicInteger();
  final AtomicBoolean stopping = new AtomicBoolean();

  @Test
  void a_backlog_is_worked_through_in_full_batches_up_to_the_cap_of_one_run() {
    int ran = HoldExpiry.inBatches(this::fullBatch, stopping::get);

    assertThat(ran).isEqualTo(40).isEqualTo(batches.get());
  }

  @Test
  void a_short_batch_ends_the_run() {
    int ran = HoldExpiry.inBatches(() -> batches.incrementAndGet() == 3 ? 7 : 50, stopping::get);

    assertThat(ran).isEqualTo(3);
  }

  @Test
  void stopping_mid_run_finishes_the_batch_in_hand_and_claims_no_other() {
    int ran =
        HoldExpiry.inBatches(
            () -> {
              if (batches.get() == 2) {
                stopping.set(true);
              }
              return fullBatch();
            },
            stopping::get);

    assertThat(ran).isEqualTo(3);
  }

  @Test
  void once_stopped_a_run_claims_nothing() {
    stopping.set(true);

    int ran = HoldExpiry.inBatches(this::fullBatch, stopping::get);

    assertThat(ran).isZero();
    assertThat(batches.get()).isZero();
  }

  private int fullBatch() {
    batches.incrementAndGet();
    return 50;
  }
}
