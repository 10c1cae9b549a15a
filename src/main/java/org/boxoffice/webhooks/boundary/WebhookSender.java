package org.boxoffice.webhooks.boundary;

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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.boxoffice.webhooks.control.Destinations;
import org.boxoffice.webhooks.control.Signatures;
import org.boxoffice.webhooks.control.WebhookClient;
import org.boxoffice.webhooks.control.WebhookSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Each server's delivery job: every {@code BOXOFFICE_WEBHOOKS_INTERVAL_MILLIS} it claims due
 * deliveries (SKIP LOCKED, leased, oldest first) in a short transaction, checks each URL against
 * the SSRF rules again (DNS can change), signs and sends them one after another outside any
 * transaction, and settles each attempt in a transaction of its own. Safe with several replicas; a
 * server killed mid-delivery leaves its rows leased, and they are sent again once the lease runs
 * out: delivery is at least once, with the same {@code webhook-id} every time.
 */
@ApplicationScoped
public class WebhookSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
  private static final int SWEEP_BATCH = 1000;
  static final List<String> OUTCOMES = List.of("delivered", "failed", "dead", "refused");

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject WebhookDeliveries deliveries;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;
  @Inject @ConfigProperties WebhookSettings settings;

  private WebhookClient client;
  private Duration lease;
  private WebhookDeliveries.Policy policy;
  private Timer latency;
  private ScheduledFuture<?> task;
  private ScheduledFuture<?> sweeping;
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    for (String outcome : OUTCOMES) {
      attempts(outcome);
    }
    latency =
        metrics.timer(
            Metadata.builder()
                .withName("webhooks.attempt.duration")
                .withDescription("How long webhook endpoints took to answer an attempt")
                .build());
    Duration timeout = Duration.ofMillis(Math.max(100, settings.requestTimeoutMillis));
    client =
        new WebhookClient(
            Duration.ofMillis(Math.max(100, settings.connectTimeoutMillis)),
            timeout,
            settings.responseMaxBytes);
    int batch = Math.max(1, settings.batchSize);
    lease = leaseFor(batch, timeout);
    policy =
        new WebhookDeliveries.Policy(
            Math.max(1, settings.maxAttempts),
            Duration.ofMillis(Math.max(0, settings.backoffFirstMillis)),
            Duration.ofMillis(Math.max(0, settings.backoffMaxMillis)),
            settings.disableAfterFailures);
    if (settings.allowLoopback) {
      LOG.warning(
          "BOXOFFICE_WEBHOOKS_ALLOW_LOOPBACK is on: webhooks may go to this machine (dev and"
              + " tests only)");
    }
    if (settings.intervalMillis > 0) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::run, settings.intervalMillis, settings.intervalMillis, TimeUnit.MILLISECONDS);
    }
    if (settings.retentionSweepMillis > 0) {
      sweeping =
          scheduler.scheduleWithFixedDelay(
              this::sweep,
              settings.retentionSweepMillis,
              settings.retentionSweepMillis,
              TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A batch is sent one request after another, so its lease covers every request timing out, twice
   * over, and never less than a minute.
   */
  static Duration leaseFor(int batchSize, Duration requestTimeout) {
    Duration all = requestTimeout.plusSeconds(1).multipliedBy(2L * batchSize);
    return all.compareTo(Duration.ofMinutes(1)) > 0 ? all : Duration.ofMinutes(1);
  }

  private Counter attempts(String outcome) {
    return metrics.counter(
        Metadata.builder()
            .withName("webhooks.attempts")
            .withDescription("Webhook delivery attempts, by outcome")
            .build(),
        new Tag("outcome", outcome));
  }

  /** One run: batch after batch while there is work. */
  void run() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    try {
      while (!stopping) {
        List<WebhookDeliveries.Claimed> claimed =
            deliveries.claim(Math.max(1, settings.batchSize), lease);
        if (claimed.isEmpty()) {
          return;
        }
        Set<Long> disabled = new HashSet<>();
        for (WebhookDeliveries.Claimed d : claimed) {
          if (disabled.contains(d.endpointId())) {
            // Disabled by an earlier attempt of this batch: nothing more goes to it.
            deliveries.release(d.id());
          } else if (attempt(d) == WebhookDeliveries.Settled.ENDPOINT_DISABLED) {
            disabled.add(d.endpointId());
          }
        }
      }
    } catch (RuntimeException e) {
      // A failed run (database down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "webhook run failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  /**
   * Deletes the deliveries settled more than {@code BOXOFFICE_WEBHOOKS_RETENTION_DAYS} ago, a batch
   * at a time so that no transaction grows large.
   */
  void sweep() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    Instant cutoff = clock.instant().minus(Duration.ofDays(Math.max(1, settings.retentionDays)));
    try {
      int swept;
      do {
        swept = deliveries.sweep(cutoff, SWEEP_BATCH);
      } while (swept == SWEEP_BATCH && !stopping);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "webhook log sweep failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  /** One attempt at one delivery, settled; null when it was not made (the server is stopping). */
  private WebhookDeliveries.Settled attempt(WebhookDeliveries.Claimed d) {
    if (stopping) {
      // The lease runs out and another server (or this one, restarted) sends it.
      return null;
    }
    Optional<String> refused = Destinations.refusal(d.url(), settings.allowLoopback);
    WebhookClient.Outcome outcome;
    if (refused.isPresent()) {
      outcome = new WebhookClient.Outcome(null, 0, "refused: the URL " + refused.get(), null);
      attempts("refused").inc();
    } else {
      long timestamp = clock.instant().getEpochSecond();
      String signature = Signatures.header(d.messageId(), timestamp, d.payload(), d.secrets());
      outcome =
          client.post(
              d.url(), d.payload(), new WebhookClient.Signed(d.messageId(), timestamp, signature));
      latency.update(Duration.ofMillis(outcome.latencyMillis()));
    }
    if (outcome.succeeded()) {
      deliveries.delivered(d.id(), outcome);
      attempts("delivered").inc();
      return WebhookDeliveries.Settled.DELIVERED;
    }
    WebhookDeliveries.Settled settled = deliveries.failed(d.id(), outcome, policy);
    if (refused.isEmpty()) {
      attempts(settled == WebhookDeliveries.Settled.DEAD ? "dead" : "failed").inc();
    }
    LOG.log(
        settled == WebhookDeliveries.Settled.RETRY ? Level.INFO : Level.WARNING,
        "webhook delivery {0} ({1}) to endpoint {2}, attempt {3}: {4} ({5})",
        new Object[] {
          d.id(), d.eventType(), d.endpointId(), d.attempts() + 1, outcome.error(), settled
        });
    return settled;
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
    if (sweeping != null) {
      sweeping.cancel(false);
    }
  }
}
