package org.boxoffice.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitWatchTest {
  private static final Instant T0 = Instant.parse("2027-01-09T10:00:00Z");

  private static CircuitWatch at(Instant now) {
    CircuitWatch watch = new CircuitWatch();
    watch.clock = Clock.fixed(now, ZoneOffset.UTC);
    return watch;
  }

  @Test
  void a_failure_with_the_circuit_closed_asks_for_the_whole_delay() {
    CircuitWatch watch = at(T0);

    watch.failed(new GatewayUnavailable("down", null));

    assertThat(watch.isOpen()).isFalse();
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void an_open_circuit_asks_for_what_is_left_of_its_delay() {
    CircuitWatch watch = at(T0);
    for (int i = 0; i < 5; i++) {
      watch.failed(new GatewayUnavailable("down", null));
    }
    assertThat(watch.isOpen()).isTrue();

    watch.clock = Clock.fixed(T0.plusMillis(3_500), ZoneOffset.UTC);

    assertThat(watch.retryAfter()).isEqualTo(Duration.ofMillis(6_500));
    watch.clock = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);
    assertThat(watch.isOpen()).isFalse();
    assertThat(watch.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }
}
