package org.boxoffice.booking.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.booking.control.BookingSettings;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Expires unpaid holds every few seconds and purges Idempotency-Keys older than 24 h. Safe with
 * several servers: each batch claims its rows with SKIP LOCKED in its own transaction. Waits for
 * the schema migrations before touching any table.
 */
@ApplicationScoped
public class HoldExpiry {
  private static final Logger LOG = Logger.getLogger(HoldExpiry.class.getName());
  private static final int BATCH = 50;
  // Bounds one run, so a huge backlog can't hold the scheduler thread for long.
  private static final int MAX_BATCHES_PER_RUN = 40;
  private static final Duration KEY_LIFETIME = Duration.ofHours(24);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject BookingLedger ledger;
  @Inject IdempotencyStore idempotency;
  @Inject @ConfigProperties BookingSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> task;
  private Instant lastPurge = Instant.EPOCH;
  // Set when the application stops (SIGTERM): a run in progress finishes its batch and claims no
  // more, so a stopping pod does not start work that a running one would have to wait for.
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    long interval = Math.max(1, settings.expiryIntervalSeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  /** One run: overdue holds in batches, then (once a minute) old Idempotency-Keys. */
  void run() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    try {
      inBatches(() -> ledger.expireOverdue(BATCH), () -> stopping);
      Instant now = clock.instant();
      if (!stopping && now.isAfter(lastPurge.plusSeconds(60))) {
        lastPurge = now;
        idempotency.purgeOlderThan(now.minus(KEY_LIFETIME));
      }
    } catch (RuntimeException e) {
      // A failed run (database down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "hold expiry run failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  /**
   * Runs {@code batch} (which expires up to {@link #BATCH} holds and says how many) until one comes
   * back short, {@link #MAX_BATCHES_PER_RUN} ran, or the application is stopping; returns how many
   * batches ran.
   */
  static int inBatches(IntSupplier batch, BooleanSupplier stopping) {
    int ran = 0;
    while (ran < MAX_BATCHES_PER_RUN && !stopping.getAsBoolean()) {
      ran++;
      if (batch.getAsInt() < BATCH) {
        break;
      }
    }
    return ran;
  }

  /** The application is stopping: no new batch, no new run. */
  @PreDestroy
  void stop() {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
