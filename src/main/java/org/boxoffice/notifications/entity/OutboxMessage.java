package org.boxoffice.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One email to send: {@code QUEUED} until delivered ({@code SENT}), or given up after too many
 * attempts ({@code DEAD}). Failed attempts back off exponentially.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /**
   * Kinds that carry a one-time credential (verification or reset link): their bodies are wiped
   * once delivered, so the outbox table does not keep usable links for whoever reads it later.
   */
  public static final String ACCOUNT_KIND_PREFIX = "account-";

  /**
   * Kinds of waiting-list offers: like account emails they are urgent (an offer runs out), so they
   * are sent before any backlog of confirmations.
   */
  public static final String WAITLIST_KIND_PREFIX = "waitlist-";

  /** Senders claim the lowest priority first: urgent emails, then the rest in queue order. */
  public static final int URGENT = 0;

  public static final int NORMAL = 1;

  static final String REDACTED = "(removed after delivery: it held a one-time link)";

  // From a sequence in blocks of 50 (migration V96): a batch of confirmations' emails is one
  // batched INSERT.
  @Id
  @SequenceGenerator(name = "outbox_ids", sequenceName = "outbox_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_ids")
  private Long id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Column(name = "text_body", nullable = false)
  private String textBody;

  @Column(name = "html_body", nullable = false)
  private String htmlBody;

  @Column(name = "booking_id")
  private Long bookingId;

  @Column private String attachments;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private OutboxStatus status;

  @Column(nullable = false)
  private int priority;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected OutboxMessage() {}

  /** What an email says and carries. {@code attachments}: e.g. {@code tickets,ics:42}. */
  public record Content(
      String kind,
      String recipient,
      String subject,
      String text,
      String html,
      Long bookingId,
      String attachments) {}

  public static OutboxMessage queue(Content content, Instant now) {
    OutboxMessage m = new OutboxMessage();
    m.kind = content.kind();
    m.recipient = content.recipient();
    m.subject = content.subject();
    m.textBody = content.text();
    m.htmlBody = content.html();
    m.bookingId = content.bookingId();
    m.attachments = content.attachments();
    m.status = OutboxStatus.QUEUED;
    m.priority = priorityOf(content.kind());
    m.nextAttemptAt = now;
    m.createdAt = now;
    return m;
  }

  /**
   * Account emails and waiting-list offers are {@link #URGENT}: a sell-out's thousands of
   * confirmations must not keep someone from signing in or from taking up an offer in time.
   */
  public static int priorityOf(String kind) {
    return kind.startsWith(ACCOUNT_KIND_PREFIX) || kind.startsWith(WAITLIST_KIND_PREFIX)
        ? URGENT
        : NORMAL;
  }

  /** Claimed by a sender: nobody else picks it up until the lease runs out. */
  public void lease(Instant until) {
    attempts++;
    nextAttemptAt = until;
  }

  public void sent(Instant now) {
    status = OutboxStatus.SENT;
    sentAt = now;
    lastError = null;
    if (kind.startsWith(ACCOUNT_KIND_PREFIX)) {
      textBody = REDACTED;
      htmlBody = REDACTED;
    }
  }

  /** The attempt failed: try again later, twice as late each time, or give up. */
  public void failed(String error, Instant now, int maxAttempts) {
    lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    if (attempts >= maxAttempts) {
      status = OutboxStatus.DEAD;
      return;
    }
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 20));
    nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
  }

  /**
   * The stable part of this email's Message-ID: its row id, and its creation time so that ids stay
   * unique across databases (a restored or rebuilt one numbers its rows from the start again).
   */
  public String messageKey() {
    return "outbox." + id + "." + createdAt.toEpochMilli();
  }

  public boolean queued() {
    return status == OutboxStatus.QUEUED;
  }

  /**
   * An operator retries a DEAD email: QUEUED again, due now, with a fresh count of attempts (its
   * last error stays until it is sent). Returns false, changing nothing, unless it was DEAD.
   */
  public boolean requeue(Instant now) {
    if (status != OutboxStatus.DEAD) {
      return false;
    }
    status = OutboxStatus.QUEUED;
    attempts = 0;
    nextAttemptAt = now;
    return true;
  }

  public Long id() {
    return id;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public int priority() {
    return priority;
  }

  public int attempts() {
    return attempts;
  }

  public Content content() {
    return new Content(kind, recipient, subject, textBody, htmlBody, bookingId, attachments);
  }
}
