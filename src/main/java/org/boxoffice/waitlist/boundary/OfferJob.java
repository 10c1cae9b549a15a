package org.boxoffice.waitlist.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.boxoffice.waitlist.control.WaitlistSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Runs the waiting list's offers every few seconds ({@code BOXOFFICE_WAITLIST_INTERVAL_SECONDS}):
 * offers that ran out first, then kept seats turned into offers. Safe with several servers: each
 * batch claims its rows with SKIP LOCKED in its own transaction. Waits for the schema migrations.
 */
@ApplicationScoped
public class OfferJob {
  private static final Logger LOG = Logger.getLogger(OfferJob.class.getName());
  private static final int BATCH = 50;
  // Bounds one run: kept seats that fit no one are written back and would be claimed again.
  private static final int MAX_BATCHES_PER_RUN = 4;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject WaitlistOffers offers;
  @Inject @ConfigProperties WaitlistSettings settings;

  private ScheduledFuture<?> task;
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    long interval = Math.max(1, settings.intervalSeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  void run() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    try {
      for (int i = 0; i < MAX_BATCHES_PER_RUN && !stopping; i++) {
        if (offers.expireRunOut(BATCH) < BATCH) {
          break;
        }
      }
      for (int i = 0; i < MAX_BATCHES_PER_RUN && !stopping; i++) {
        if (offers.offerKept(BATCH) < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // A failed run (database down) must not cancel the schedule: the next one retries.
      LOG.log(
          Level.WARNING,
          "waiting-list offer run failed; retrying next run: {0}",
          String.valueOf(e));
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
