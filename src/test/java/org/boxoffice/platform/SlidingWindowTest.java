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

  @Test
  void events_past_the_limit_block_until_fewer_than_the_limit_are_left_in_the_window() {
    SlidingWindow failures = new SlidingWindow(2, Duration.ofSeconds(60));
    failures.record("a", 0);
    failures.record("a", 1_000);
    failures.record("a", 2_000);
    assertThat(failures.blockedFor("a", 2_500)).isEqualTo(58_500);
    assertThat(failures.blockedFor("a", 61_000)).isZero();
    assertThat(failures.tryAcquire("a", 61_000)).isZero();
    assertThat(failures.tryAcquire("a", 61_500)).isEqualTo(500);
  }

  @Test
  void an_address_scan_keeps_the_window_bounded_and_every_call_cheap() {
    SlidingWindow perIp = new SlidingWindow(60, Duration.ofSeconds(60));
    int addresses = 200_000;
    long refused = 0;
    long started = System.nanoTime();
    for (int i = 0; i < addresses; i++) {
      String address = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
      refused += perIp.tryAcquire("reset|" + address, i) > 0 ? 1 : 0;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(refused).isZero();
    assertThat(perIp.trackedKeys()).isLessThanOrEqualTo(SlidingWindow.DEFAULT_MAX_KEYS);
    // Sweeping every key on each call past a threshold made a scan quadratic; upkeep here is not.
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void no_more_keys_are_kept_than_the_window_allows() {
    SlidingWindow window = new SlidingWindow(1, Duration.ofSeconds(60), 1_000);
    for (int i = 0; i < 5_000; i++) {
      window.tryAcquire("key-" + i, 0);
    }
    assertThat(window.trackedKeys()).isLessThanOrEqualTo(1_000);
  }
}
