package org.boxoffice.notifications.control;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The per-server cap on emails sent per second: a token bucket holding at most one token, so sends
 * are spaced evenly ({@code 1 / rate} apart) and never burst past a provider's per-second quota
 * after a quiet spell. A caller that finds the bucket empty reserves the next free slot, so
 * concurrent senders queue up in order rather than all waking at once. A rate of 0 or less means no
 * cap.
 */
public final class SendRate {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double perSecond;
  private final LongSupplier nanoTime;
  // When the next send may start (System.nanoTime() scale); in the past when the bucket is full.
  private long nextFree;

  public SendRate(double perSecond) {
    this(perSecond, System::nanoTime);
  }

  SendRate(double perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.nextFree = nanoTime.getAsLong();
  }

  /** True when there is a cap. */
  public boolean capped() {
    return perSecond > 0;
  }

  /**
   * Takes the next slot and says how long (nanoseconds) the caller must wait before using it: 0
   * when it may send at once.
   */
  public synchronized long reserve() {
    if (!capped()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    long start = Math.max(now, nextFree);
    nextFree = start + (long) Math.ceil(NANOS_PER_SECOND / perSecond);
    return start - now;
  }

  /** Waits for the next slot. */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
