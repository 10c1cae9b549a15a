package org.boxoffice.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong now = new AtomicLong(5_000 * MS);

  @Test
  void the_first_send_goes_at_once_and_the_next_ones_are_spaced_by_one_over_the_rate() {
    SendRate rate = new SendRate(10, now::get);

    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(100 * MS);
    assertThat(rate.reserve()).isEqualTo(200 * MS);
  }

  @Test
  void a_quiet_spell_does_not_save_up_a_burst() {
    SendRate rate = new SendRate(10, now::get);
    rate.reserve();

    now.addAndGet(60_000 * MS);

    assertThat(rate.reserve()).isZero();
    assertThat(rate.reserve()).isEqualTo(100 * MS);
  }

  @Test
  void senders_that_wait_their_turn_never_exceed_the_rate_in_any_second() {
    SendRate rate = new SendRate(14, now::get);
    List<Long> sentAt = new ArrayList<>();
    // Four senders in turn, each sending as soon as its reservation allows, for 10 s of sends.
    for (int i = 0; i < 140; i++) {
      long wait = rate.reserve();
      sentAt.add(now.get() + wait);
      if (i % 4 == 3) {
        now.addAndGet(wait);
      }
    }

    for (long start : sentAt) {
      long inWindow = sentAt.stream().filter(t -> t >= start && t < start + 1_000 * MS).count();
      assertThat(inWindow).isLessThanOrEqualTo(14);
    }
    assertThat(sentAt.get(sentAt.size() - 1) - sentAt.get(0)).isLessThan(10_000 * MS);
  }

  @Test
  void no_cap_never_waits() {
    SendRate rate = new SendRate(0, now::get);

    for (int i = 0; i < 1_000; i++) {
      assertThat(rate.reserve()).isZero();
    }
    assertThat(rate.capped()).isFalse();
  }
}
