package org.boxoffice.payments.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.payments.control.EcpayCircuitWatch;
import org.boxoffice.payments.control.EcpayGateway;
import org.boxoffice.payments.control.GatewayUnavailable;
import org.boxoffice.payments.control.PaymentSettings;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Asks ECPay ({@code QueryTradeInfo}) about unpaid ECPay payments whose notification never came: a
 * trade ECPay reports paid is applied exactly as its ReturnURL notice would be, under the same
 * notice id, so the two never both take effect. Safe with several replicas: each run claims its
 * payments with {@code FOR UPDATE SKIP LOCKED} and moves their clock on. Payments are asked about
 * for 8 days (ATM and store codes live up to 7), then left alone.
 */
@ApplicationScoped
public class EcpayReconciliation {
  private static final Logger LOG = Logger.getLogger(EcpayReconciliation.class.getName());
  private static final int BATCH = 20;
  private static final Duration LOOK_BACK = Duration.ofDays(8);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject EcpayLedger ledger;
  @Inject EcpayPayments payments;
  @Inject EcpayGateway gateway;
  @Inject EcpayCircuitWatch circuit;
  @Inject @ConfigProperties PaymentSettings settings;
  @Inject Clock clock;

  private ScheduledFuture<?> task;

  void onStart(@Observes Startup startup) {
    long interval = Math.max(1, settings.ecpayReconcileSeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  /** One run: the claimed payments, each asked about once; returns how many were found paid. */
  int run() {
    if (!migrations.isComplete() || !gateway.usable()) {
      return 0;
    }
    int paid = 0;
    try {
      Instant now = clock.instant();
      for (String tradeNo :
          ledger.claimUnpaid(
              now.minusSeconds(settings.ecpayReconcileSeconds), now.minus(LOOK_BACK), BATCH)) {
        EcpayGateway.Trade trade = gateway.query(tradeNo);
        circuit.succeeded();
        if (trade.paid()) {
          EcpayLedger.Outcome outcome = payments.paidPerQuery(trade);
          LOG.info(() -> "ECPay trade " + tradeNo + " found paid by query: " + outcome);
          paid++;
        }
      }
    } catch (GatewayUnavailable | FaultToleranceException e) {
      circuit.failed(e);
      LOG.log(Level.WARNING, "ECPay reconciliation stopped; next run: {0}", String.valueOf(e));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ECPay reconciliation run failed; next run: {0}", String.valueOf(e));
    }
    return paid;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
