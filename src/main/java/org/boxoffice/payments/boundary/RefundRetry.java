package org.boxoffice.payments.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.payments.control.PaymentSettings;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Sends refunds that are still REQUESTED a while after they were booked: the gateway was down, or
 * the server died between the commit and the call. Safe with several servers (SKIP LOCKED claims)
 * and safe to repeat (each refund's id is its idempotency key at the gateway).
 */
@ApplicationScoped
public class RefundRetry {
  private static final Logger LOG = Logger.getLogger(RefundRetry.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject PaymentLedger ledger;
  @Inject Payments payments;
  @Inject @ConfigProperties PaymentSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void onStart(@Observes Startup startup) {
    long interval = Math.max(1, settings.refundRetrySeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  void run() {
    if (!migrations.isComplete()) {
      return;
    }
    try {
      for (Long refundId :
          ledger.claimDueRefunds(
              clock.instant().minusSeconds(settings.refundRetrySeconds), BATCH)) {
        payments.send(refundId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "refund retry run failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
