package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.boxoffice.platform.control.SlidingWindow;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  @Test
  void the_limit_holds_within_the_window_and_frees_as_events_age_out() {
    SlidingWindow window = new SlidingWindow(3, Duration.ofSeconds(60));
    assertThat(window.tryAcquire("k", 0)).isZero();
    assertThat(window.tryAcquire("k", 10_000)).isZero();
    assertThat(window.tryAcquire("k", 20_000)).isZero();
    assertThat(window.tryAcquire("k", 30_000)).isEqualTo(30_000);
    assertThat(window.tryAcquire("other", 30_000)).isZero();
    assertThat(window.tryAcquire("k", 60_000)).isZero();
  }

  @Test
  void recorded_failures_block_until_the_oldest_leaves_the_window() {
    SlidingWindow failures = new SlidingWindow(2, Duration.ofSeconds(60));
    failures.record("a", 0);
    assertThat(failures.blockedFor("a", 1)).isZero();
    failures.record("a", 5_000);
    assertThat(failures.blockedFor("a", 10_000)).isEqualTo(50_000);
    assertThat(failures.blockedFor("a", 60_000)).isZero();
    failures.record("a", 61_000);
    failures.reset("a");
    assertThat(failures.blockedFor("a", 61_000)).isZero();
  }
}
