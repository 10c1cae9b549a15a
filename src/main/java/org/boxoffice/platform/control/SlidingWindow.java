package org.boxoffice.platform.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * An in-process sliding-window counter per key: at most {@code limit} events in any {@code window}.
 * It is per replica; several replicas need a shared store (Redis) or the ingress for exact limits.
 *
 * <p>Memory is bounded whatever the callers send: a key keeps the times of its latest {@code limit}
 * events only (enough to know whether one more fits, and when), a key idle for a whole window is
 * dropped, and at most {@code maxKeys} keys are kept, the least used going first when more arrive
 * (an address scan). No call ever walks the other keys.
 */
public final class SlidingWindow {
  /** Keys kept by default: far more than the clients one replica serves within a window. */
  public static final long DEFAULT_MAX_KEYS = 100_000;

  private final int limit;
  private final long windowMillis;
  private final Cache<String, Log> logs;

  public SlidingWindow(int limit, Duration window) {
    this(limit, window, DEFAULT_MAX_KEYS);
  }

  public SlidingWindow(int limit, Duration window, long maxKeys) {
    if (limit < 1) {
      throw new IllegalArgumentException("a sliding window needs a limit of at least 1");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    // An entry untouched for a window holds no event inside it. Upkeep runs on the calling thread,
    // a little at a time: no pool thread of the server's is borrowed.
    this.logs =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(window)
            .executor(Runnable::run)
            .build();
  }

  /**
   * Counts one event for the key when it is still under the limit. Returns 0 when counted, or the
   * milliseconds until the oldest event leaves the window when the key is over its limit.
   */
  public long tryAcquire(String key, long nowMillis) {
    Log log = logs.get(key, k -> new Log());
    synchronized (log) {
      long wait = log.waitFor(nowMillis, limit, windowMillis);
      if (wait == 0) {
        log.add(nowMillis, limit);
      }
      return wait;
    }
  }

  /** Milliseconds the key must wait before its next event, or 0 when it is under the limit. */
  public long blockedFor(String key, long nowMillis) {
    Log log = logs.getIfPresent(key);
    if (log == null) {
      return 0;
    }
    synchronized (log) {
      return log.waitFor(nowMillis, limit, windowMillis);
    }
  }

  /** Counts an event without checking the limit (e.g. a failed sign-in). */
  public void record(String key, long nowMillis) {
    Log log = logs.get(key, k -> new Log());
    synchronized (log) {
      log.waitFor(nowMillis, limit, windowMillis);
      log.add(nowMillis, limit);
    }
  }

  public void reset(String key) {
    logs.invalidate(key);
  }

  /** How many keys are kept now (never more than the window's {@code maxKeys}). */
  public long trackedKeys() {
    logs.cleanUp();
    return logs.estimatedSize();
  }

  /**
   * The times of one key's latest events, oldest first, in a ring that grows as needed up to the
   * limit: once full, a new event replaces the oldest, which can no longer decide anything (the key
   * is over its limit until the limit-th latest event leaves the window).
   */
  private static final class Log {
    private long[] times = new long[1];
    private int oldest;
    private int size;

    /** Drops what left the window; returns the wait before one more event fits, or 0. */
    long waitFor(long now, int limit, long window) {
      while (size > 0 && times[oldest] <= now - window) {
        oldest = (oldest + 1) % times.length;
        size--;
      }
      return size >= limit ? Math.max(1, times[oldest] + window - now) : 0;
    }

    void add(long now, int limit) {
      if (size == limit) {
        times[oldest] = now;
        oldest = (oldest + 1) % times.length;
        return;
      }
      if (size == times.length) {
        long[] grown = new long[(int) Math.min(limit, 2L * times.length)];
        for (int i = 0; i < size; i++) {
          grown[i] = times[(oldest + i) % times.length];
        }
        times = grown;
        oldest = 0;
      }
      times[(oldest + size) % times.length] = now;
      size++;
    }
  }
}
