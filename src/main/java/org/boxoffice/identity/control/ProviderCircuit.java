package org.boxoffice.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one OpenID Connect provider, on the payment gateway's rule: 5 consecutive
 * failures to reach it open the circuit for 10 s, during which calls fail at once instead of tying
 * up request threads for the whole timeout; the first call after the delay tries again, and a
 * success closes it. One per provider (Fault Tolerance's breakers are per method), so one provider
 * that is down never refuses sign-ins with another.
 */
final class ProviderCircuit {
  static final int THRESHOLD = 5;
  static final Duration DELAY = Duration.ofSeconds(10);

  private final Clock clock;
  private int consecutiveFailures;
  private Instant openedAt;

  ProviderCircuit(Clock clock) {
    this.clock = clock;
  }

  synchronized boolean isOpen() {
    return openedAt != null && clock.instant().isBefore(openedAt.plus(DELAY));
  }

  synchronized void succeeded() {
    consecutiveFailures = 0;
    openedAt = null;
  }

  synchronized void failed() {
    consecutiveFailures++;
    if (consecutiveFailures >= THRESHOLD) {
      openedAt = clock.instant();
    }
  }

  /** What is left of the open delay, or the whole delay when a call just failed. */
  synchronized Duration retryAfter() {
    if (openedAt == null) {
      return DELAY;
    }
    Duration left = Duration.between(clock.instant(), openedAt.plus(DELAY));
    return left.isNegative() || left.isZero() ? DELAY : left;
  }
}
