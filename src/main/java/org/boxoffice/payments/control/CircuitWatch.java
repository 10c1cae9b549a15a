package org.boxoffice.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What the gateway's circuit breaker is doing, as seen from its callers: Fault Tolerance offers no
 * API to read a breaker's state, so this follows the same rule (5 consecutive failures open it for
 * 10 s; a refusal by the open breaker keeps it open; a success closes it).
 */
@ApplicationScoped
public class CircuitWatch {
  private static final int THRESHOLD = 5;
  private static final Duration DELAY = Duration.ofSeconds(10);

  @Inject Clock clock;

  private int consecutiveFailures;
  private Instant openedAt;

  public synchronized void succeeded() {
    consecutiveFailures = 0;
    openedAt = null;
  }

  public synchronized void failed(Throwable failure) {
    consecutiveFailures++;
    if (failure instanceof CircuitBreakerOpenException || consecutiveFailures >= THRESHOLD) {
      openedAt = clock.instant();
    }
  }

  /**
   * How long a client should wait before trying again: what is left of the open delay, or the whole
   * delay when the circuit is not (or no longer) open but a call just failed.
   */
  public synchronized Duration retryAfter() {
    if (openedAt == null) {
      return DELAY;
    }
    Duration left = Duration.between(clock.instant(), openedAt.plus(DELAY));
    return left.isNegative() || left.isZero() ? DELAY : left;
  }

  public synchronized boolean isOpen() {
    return openedAt != null && clock.instant().isBefore(openedAt.plus(DELAY));
  }
}
