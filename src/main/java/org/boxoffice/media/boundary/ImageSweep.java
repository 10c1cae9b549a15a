package org.boxoffice.media.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.media.control.MediaSettings;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every {@code boxoffice.image.sweep.interval.seconds}: drops the images of events that are
 * cancelled or gone (a cancellation also does it at once; this catches what that missed), then
 * deletes due stale objects from the store. Safe with several replicas: image rows are removed
 * under their row lock, stale objects are leased with SKIP LOCKED.
 */
@ApplicationScoped
public class ImageSweep {
  private static final Logger LOG = Logger.getLogger(ImageSweep.class.getName());
  private static final int BATCH = 50;
  private static final int MAX_BATCHES_PER_RUN = 20;
  private static final int EVENTS_PAGE = 200;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject ImageLedger ledger;
  @Inject ImageCollector collector;
  @Inject Events events;
  @Inject Clock clock;
  @Inject @ConfigProperties MediaSettings settings;

  private ScheduledFuture<?> task;
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    long interval = Math.max(1, settings.sweepIntervalSeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  /** Runs a sweep soon on another thread (after a cancellation committed). */
  void soon() {
    if (!stopping) {
      scheduler.execute(this::run);
    }
  }

  void run() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    try {
      dropImagesOfGoneEvents();
      for (int batch = 0; batch < MAX_BATCHES_PER_RUN && !stopping; batch++) {
        if (collector.collectDue(BATCH) < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // A failed run (database or store down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "image sweep failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  private void dropImagesOfGoneEvents() {
    long after = 0;
    while (!stopping) {
      List<Long> page = ledger.eventsWithImages(after, EVENTS_PAGE);
      if (page.isEmpty()) {
        return;
      }
      Set<Long> gone = events.gone(page);
      for (Long eventId : gone) {
        ledger.remove(eventId, clock.instant());
      }
      after = page.get(page.size() - 1);
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
