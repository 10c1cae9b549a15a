package org.boxoffice.platform.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process sliding-window counter per key: at most {@code limit} events in any {@code window}.
 * It is per replica; several replicas need a shared store (Redis) or the ingress for exact limits.
 */
public final class SlidingWindow {
  /** Above this many keys, idle ones are swept so an address scan cannot grow memory forever. */
  private static final int SWEEP_ABOVE = 10_000;

  private final int limit;
  private final long windowMillis;
  private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

  public SlidingWindow(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  /**
   * Counts one event for the key when it is still under the limit. Returns 0 when counted, or the
   * milliseconds until the oldest event leaves the window when the key is over its limit.
   */
  public long tryAcquire(String key, long nowMillis) {
    sweepIfLarge(nowMillis);
    Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, nowMillis);
      if (times.size() >= limit) {
        return Math.max(1, times.peekFirst() + windowMillis - nowMillis);
      }
      times.addLast(nowMillis);
      return 0;
    }
  }

  /** Milliseconds the key must wait before its next event, or 0 when it is under the limit. */
  public long blockedFor(String key, long nowMillis) {
    Deque<Long> times = events.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times, nowMillis);
      return times.size() >= limit ? Math.max(1, times.peekFirst() + windowMillis - nowMillis) : 0;
    }
  }

  /** Counts an event without checking the limit (e.g. a failed sign-in). */
  public void record(String key, long nowMillis) {
    Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, nowMillis);
      times.addLast(nowMillis);
    }
  }

  public void reset(String key) {
    events.remove(key);
  }

  private void prune(Deque<Long> times, long nowMillis) {
    while (!times.isEmpty() && times.peekFirst() <= nowMillis - windowMillis) {
      times.removeFirst();
    }
  }

  private void sweepIfLarge(long nowMillis) {
    if (events.size() <= SWEEP_ABOVE) {
      return;
    }
    for (Iterator<Deque<Long>> it = events.values().iterator(); it.hasNext(); ) {
      Deque<Long> times = it.next();
      synchronized (times) {
        prune(times, nowMillis);
        if (times.isEmpty()) {
          it.remove();
        }
      }
    }
  }
}
