package org.boxoffice.notifications.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.notifications.control.Mailer;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.notifications.control.SendRate;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Delivers the outbox with {@code boxoffice.mail.senders} senders per server. Each claims a batch
 * of due rows (SKIP LOCKED, leased, urgent ones first) in a short transaction, reads what their
 * attachments are made of in another, renders and sends them outside any transaction over one SMTP
 * connection that it keeps open while there is work, and marks the accepted ones SENT ten at a time
 * (or schedules a retry with exponential backoff, or DEAD after {@code
 * boxoffice.outbox.max.attempts}). All senders of a server share one rate cap ({@code
 * boxoffice.mail.max.per.second}). With no SMTP host configured nothing is sent and the queue is
 * listed in the log.
 *
 * <p>Delivery is at least once: a server that dies after the SMTP server accepted an email but
 * before it was marked SENT (at most {@link #MARK_SENT_EVERY} emails per sender) sends them again
 * once the lease runs out, and a connection that drops after the server took an email but before
 * its answer arrived sends it again over a new one. Every attempt at one email carries the same
 * {@code Message-ID}, so mail servers and clients can drop the copy.
 *
 * <p>A separate task counts the backlog every run for the {@code outbox_queued}, {@code
 * outbox_dead} and {@code outbox_oldest_queued_seconds} gauges, so a scrape of {@code /metrics}
 * never queries the database.
 */
@ApplicationScoped
public class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  private static final Duration MIN_LEASE = Duration.ofMinutes(2);
  private static final Duration QUEUE_LOG_EVERY = Duration.ofMinutes(1);
  // Accepted emails are marked SENT this many at a time (one transaction), and at the end of each
  // batch: a crash in between sends at most this many again, with their same Message-IDs.
  static final int MARK_SENT_EVERY = 10;

  /** The reasons {@code emails_failed_total} counts by. */
  static final List<String> FAILURE_REASONS =
      List.of("connection", "authentication", "refused", "rendering", "other");

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject Outbox outbox;
  @Inject EmailAttachments attachments;
  @Inject Mailer mailer;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;
  @Inject @ConfigProperties NotificationSettings settings;

  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private final AtomicReference<Instant> oldestQueued = new AtomicReference<>();
  private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
  private SendRate rate;
  private int batchSize;
  private Duration lease;
  private Counter sent;
  private Instant lastQueueLog = Instant.EPOCH;
  // Set when the application stops (SIGTERM): the batches in hand are delivered (their rows are
  // leased to this server), but no further batch is claimed; the other replicas take the rest.
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    registerMetrics();
    rate = new SendRate(settings.mailMaxPerSecond);
    batchSize = Math.max(1, settings.mailBatchSize);
    lease = leaseFor(batchSize, settings.mailMaxPerSecond);
    if (!mailer.configured()) {
      LOG.warning("No SMTP_HOST configured: emails are queued in the outbox and not sent");
    }
    long interval = Math.max(1, settings.outboxIntervalSeconds);
    tasks.add(scheduler.scheduleWithFixedDelay(this::countBacklog, 0, interval, TimeUnit.SECONDS));
    int senders = Math.max(1, settings.mailSenders);
    for (int i = 0; i < senders; i++) {
      // Started a little apart, so that the senders of a server do not poll in step.
      long first = interval * 1000 + i * interval * 1000 / senders;
      tasks.add(
          scheduler.scheduleWithFixedDelay(
              this::send, first, interval * 1000, TimeUnit.MILLISECONDS));
    }
  }

  /**
   * A batch's lease covers sending it under the rate cap with room to spare (every sender of the
   * server may be waiting for the same cap), and never less than two minutes.
   */
  static Duration leaseFor(int batchSize, double maxPerSecond) {
    if (maxPerSecond <= 0) {
      return MIN_LEASE;
    }
    Duration capped = Duration.ofMillis((long) Math.ceil(batchSize * 4_000 / maxPerSecond));
    return capped.compareTo(MIN_LEASE) > 0 ? capped : MIN_LEASE;
  }

  private void registerMetrics() {
    metrics.gauge(
        Metadata.builder()
            .withName("outbox.queued")
            .withDescription("Emails waiting in the outbox (as of the last count)")
            .build(),
        queued,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName("outbox.dead")
            .withDescription("Emails given up after too many attempts (as of the last count)")
            .build(),
        dead,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName("outbox.oldest.queued.seconds")
            .withDescription("Age of the oldest email waiting in the outbox; 0 when none waits")
            .build(),
        oldestQueued,
        oldest ->
            oldest.get() == null
                ? 0
                : Math.max(0, Duration.between(oldest.get(), clock.instant()).toSeconds()));
    sent =
        metrics.counter(
            Metadata.builder()
                .withName("emails.sent")
                .withDescription("Emails the SMTP server accepted")
                .build());
    for (String reason : FAILURE_REASONS) {
      failures(reason);
    }
  }

  private Counter failures(String reason) {
    return metrics.counter(
        Metadata.builder()
            .withName("emails.failed")
            .withDescription("Failed attempts at sending an email, by reason")
            .build(),
        new Tag("reason", reason));
  }

  void countBacklog() {
    if (!migrations.isComplete()) {
      return;
    }
    try {
      Outbox.Backlog backlog = outbox.backlog();
      queued.set(backlog.queued());
      dead.set(backlog.dead());
      oldestQueued.set(backlog.oldestQueued());
      if (!mailer.configured()) {
        logQueue(backlog.queued());
      }
    } catch (RuntimeException e) {
      // A failed count (database down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "outbox count failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  /** One sender's run: batch after batch while there is work, over one SMTP connection. */
  void send() {
    if (stopping || !migrations.isComplete() || !mailer.configured()) {
      return;
    }
    Mailer.Connection smtp = mailer.connection();
    try {
      inBatches(() -> claimAndDeliver(smtp), () -> stopping);
    } catch (RuntimeException e) {
      // A failed run (database down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "outbox run failed; retrying next run: {0}", String.valueOf(e));
    } finally {
      try {
        smtp.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "closing the SMTP connection failed: {0}", String.valueOf(e));
      }
    }
  }

  private int claimAndDeliver(Mailer.Connection smtp) {
    List<Outbox.Claimed> claimed = outbox.claim(batchSize, lease);
    if (claimed.isEmpty()) {
      return 0;
    }
    EmailAttachments.Loaded loaded = attachments.load(claimed);
    List<Long> accepted = new ArrayList<>();
    for (Outbox.Claimed email : claimed) {
      RuntimeException unreadable = loaded.failures().get(email.id());
      if (unreadable != null) {
        failed(email, "rendering", unreadable);
      } else if (deliver(email, loaded.sources().get(email.id()), smtp)) {
        accepted.add(email.id());
        if (accepted.size() == MARK_SENT_EVERY) {
          markSent(accepted);
        }
      }
    }
    markSent(accepted);
    return claimed.size();
  }

  /**
   * Runs {@code claimAndDeliver} (one batch, claimed and sent; says how many) until a batch comes
   * back empty or the application is stopping; returns how many ran. A short batch is not the end:
   * during a sale emails keep arriving, and waiting for the next run would add its interval to
   * every buyer's wait.
   */
  static int inBatches(IntSupplier claimAndDeliver, BooleanSupplier stopping) {
    int ran = 0;
    while (!stopping.getAsBoolean()) {
      ran++;
      if (claimAndDeliver.getAsInt() == 0) {
        break;
      }
    }
    return ran;
  }

  private void markSent(List<Long> accepted) {
    outbox.sent(accepted);
    sent.inc(accepted.size());
    accepted.clear();
  }

  /** Renders and sends one email; true when the SMTP server accepted it (not yet marked SENT). */
  private boolean deliver(
      Outbox.Claimed email, List<EmailAttachments.Source> sources, Mailer.Connection smtp) {
    OutboxMessage.Content c = email.content();
    List<Path> spooled = new ArrayList<>();
    try {
      MimeMessage message;
      try {
        message =
            mailer.compose(
                email.messageKey(),
                c.recipient(),
                c.subject(),
                c.text(),
                c.html(),
                EmailAttachments.render(sources, spooled));
      } catch (MessagingException | RuntimeException e) {
        failed(email, "rendering", e);
        return false;
      }
      try {
        rate.acquire();
        smtp.send(message);
        return true;
      } catch (MessagingException e) {
        failed(email, smtp.failure(), e);
        return false;
      } catch (InterruptedException e) {
        // The server is stopping: the lease runs out and another sender takes the email.
        Thread.currentThread().interrupt();
        return false;
      }
    } finally {
      spooled.forEach(OutboxSender::deleteQuietly);
    }
  }

  private void failed(Outbox.Claimed email, String reason, Exception e) {
    boolean nowDead = outbox.failed(email.id(), String.valueOf(e), settings.outboxMaxAttempts);
    failures(FAILURE_REASONS.contains(reason) ? reason : "other").inc();
    LOG.log(
        nowDead ? Level.SEVERE : Level.WARNING,
        "email {0} ({1}) attempt {2} failed ({3}){4}: {5}",
        new Object[] {
          email.id(),
          email.content().kind(),
          email.attempts(),
          reason,
          nowDead ? ", giving up (DEAD)" : "",
          String.valueOf(e)
        });
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(
          Level.WARNING, "cannot delete the spooled attachment {0}: {1}", new Object[] {file, e});
    }
  }

  private void logQueue(long waiting) {
    Instant now = clock.instant();
    if (waiting > 0 && now.isAfter(lastQueueLog.plus(QUEUE_LOG_EVERY))) {
      lastQueueLog = now;
      LOG.info(
          () -> waiting + " emails queued in the outbox; no SMTP_HOST configured to send them");
    }
  }

  /** The application is stopping: the batches in hand are finished, no new batch is claimed. */
  @PreDestroy
  void stop() {
    stopping = true;
    tasks.forEach(task -> task.cancel(false));
  }
}
