package org.boxoffice.notifications.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.notifications.control.Mailer;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.boxoffice.tickets.boundary.Tickets;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Delivers the outbox every few seconds: claims due rows (SKIP LOCKED, leased), sends each over
 * SMTP outside any transaction, then marks it SENT, or schedules a retry with exponential backoff,
 * or DEAD after {@code boxoffice.outbox.max.attempts}. With no SMTP host configured nothing is sent
 * and the queue is listed in the log.
 *
 * <p>Delivery is at least once: a server that dies after the SMTP server accepted an email but
 * before it was marked SENT sends it again once the lease runs out. Every attempt at one email
 * carries the same {@code Message-ID}, so mail servers and clients can drop the copy.
 *
 * <p>Each run also counts the backlog for the {@code outbox_queued} and {@code outbox_dead} gauges,
 * so a scrape of {@code /metrics} never queries the database.
 */
@ApplicationScoped
public class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
  private static final int BATCH = 20;
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration QUEUE_LOG_EVERY = Duration.ofMinutes(1);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SchemaMigrations migrations;
  @Inject Outbox outbox;
  @Inject Mailer mailer;
  @Inject Tickets tickets;
  @Inject Catalog catalog;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;
  @Inject @ConfigProperties NotificationSettings settings;

  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private ScheduledFuture<?> task;
  private Instant lastQueueLog = Instant.EPOCH;
  // Set when the application stops (SIGTERM): the batch in hand is delivered (its rows are leased
  // to this server), but no further batch is claimed; the other replicas take the rest.
  private volatile boolean stopping;

  void onStart(@Observes Startup startup) {
    metrics.gauge(
        Metadata.builder()
            .withName("outbox.queued")
            .withDescription("Emails waiting in the outbox (as of the sender's last run)")
            .build(),
        queued,
        AtomicLong::get);
    metrics.gauge(
        Metadata.builder()
            .withName("outbox.dead")
            .withDescription("Emails given up after too many attempts (as of the last run)")
            .build(),
        dead,
        AtomicLong::get);
    if (!mailer.configured()) {
      LOG.warning("No SMTP_HOST configured: emails are queued in the outbox and not sent");
    }
    long interval = Math.max(1, settings.outboxIntervalSeconds);
    task = scheduler.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
  }

  void run() {
    if (stopping || !migrations.isComplete()) {
      return;
    }
    try {
      if (mailer.configured()) {
        inBatches(this::claimAndDeliver, () -> stopping);
      }
      Outbox.Backlog backlog = outbox.backlog();
      queued.set(backlog.queued());
      dead.set(backlog.dead());
      if (!mailer.configured()) {
        logQueue(backlog.queued());
      }
    } catch (RuntimeException e) {
      // A failed run (database down) must not cancel the schedule: the next one retries.
      LOG.log(Level.WARNING, "outbox run failed; retrying next run: {0}", String.valueOf(e));
    }
  }

  private int claimAndDeliver() {
    List<Outbox.Claimed> claimed = outbox.claim(BATCH, LEASE);
    claimed.forEach(this::deliver);
    return claimed.size();
  }

  /**
   * Runs {@code claimAndDeliver} (one batch of up to {@link #BATCH} emails, claimed and sent; says
   * how many) until a batch comes back short or the application is stopping; returns how many ran.
   */
  static int inBatches(IntSupplier claimAndDeliver, BooleanSupplier stopping) {
    int ran = 0;
    while (!stopping.getAsBoolean()) {
      ran++;
      if (claimAndDeliver.getAsInt() < BATCH) {
        break;
      }
    }
    return ran;
  }

  private void deliver(Outbox.Claimed email) {
    OutboxMessage.Content c = email.content();
    try {
      mailer.send(
          email.messageKey(), c.recipient(), c.subject(), c.text(), c.html(), attachments(c));
      outbox.sent(email.id());
      metrics.counter("emails.sent").inc();
    } catch (Exception e) {
      boolean dead = outbox.failed(email.id(), String.valueOf(e), settings.outboxMaxAttempts);
      metrics.counter("emails.failed").inc();
      LOG.log(
          dead ? Level.SEVERE : Level.WARNING,
          "email {0} ({1}) attempt {2} failed{3}: {4}",
          new Object[] {
            email.id(),
            c.kind(),
            email.attempts(),
            dead ? ", giving up (DEAD)" : "",
            String.valueOf(e)
          });
    }
  }

  private List<Mailer.Attachment> attachments(OutboxMessage.Content c) {
    List<Mailer.Attachment> files = new ArrayList<>();
    if (c.attachments() == null || c.attachments().isBlank()) {
      return files;
    }
    for (String spec : c.attachments().split(",")) {
      if (spec.equals("tickets") && c.bookingId() != null) {
        files.add(
            new Mailer.Attachment(
                "tickets-" + c.bookingId() + ".pdf",
                "application/pdf",
                tickets.pdfOfBooking(c.bookingId())));
      } else if (spec.startsWith("ics:")) {
        long eventId = Long.parseLong(spec.substring(4));
        files.add(
            new Mailer.Attachment(
                "event-" + eventId + ".ics",
                "text/calendar; charset=UTF-8",
                catalog.calendar(eventId, null, "boxoffice").getBytes(StandardCharsets.UTF_8)));
      }
    }
    return files;
  }

  private void logQueue(long waiting) {
    Instant now = clock.instant();
    if (waiting > 0 && now.isAfter(lastQueueLog.plus(QUEUE_LOG_EVERY))) {
      lastQueueLog = now;
      LOG.info(
          () -> waiting + " emails queued in the outbox; no SMTP_HOST configured to send them");
    }
  }

  /** The application is stopping: the batch in hand is finished, no new batch is claimed. */
  @PreDestroy
  void stop() {
    stopping = true;
    if (task != null) {
      task.cancel(false);
    }
  }
}
