package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.booking.boundary.BookingCancelled;
import org.boxoffice.booking.boundary.BookingConfirmed;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.notifications.control.EmailFormats;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.notifications.entity.OutboxStatus;
import org.boxoffice.payments.boundary.RefundBooked;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The outbox: emails queued in the transaction of their cause (a confirmation, a cancellation, a
 * refund), written in the recipient's language with dates in the event's time zone and money the
 * language's way, and the short transactions the sender claims and settles them in.
 */
@ApplicationScoped
public class Outbox {
  // Native, because JPQL has no SKIP LOCKED; PostgreSQL and H2 2.x both understand it. Urgent
  // emails first (account emails, waiting-list offers), then queue order: outbox_queue_idx.
  private static final String DUE =
      "SELECT * FROM outbox WHERE status = 'QUEUED' AND next_attempt_at <= ?1"
          + " ORDER BY priority, id LIMIT ?2 FOR UPDATE SKIP LOCKED";
  private static final String BACKLOG =
      "SELECT status, COUNT(*), MIN(created_at) FROM outbox WHERE status IN ('QUEUED', 'DEAD')"
          + " GROUP BY status";

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject Bookings bookings;
  @Inject Clock clock;
  @Inject @ConfigProperties NotificationSettings settings;

  /** An email claimed for sending; {@code messageKey} makes its Message-ID. */
  public record Claimed(long id, int attempts, String messageKey, OutboxMessage.Content content) {}

  @Transactional(Transactional.TxType.MANDATORY)
  void onConfirmed(@Observes BookingConfirmed confirmed) {
    UserView user = accounts.user(confirmed.userId());
    Locale locale = accounts.locale(confirmed.userId());
    EventView event = catalog.event(confirmed.eventId(), confirmed.organizerId());
    queue(
        "confirmation",
        user,
        locale,
        confirmed.bookingId(),
        "tickets,ics:" + confirmed.eventId(),
        Map.of(
            "eventTitle", event.title(),
            "eventStart", start(event, locale),
            "location", event.location(),
            "quantity", String.valueOf(confirmed.quantity()),
            "amount", EmailFormats.money(confirmed.finalAmount(), confirmed.currency(), locale),
            "walletLink", base() + "/wallet"));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onCancelled(@Observes BookingCancelled cancelled) {
    if (cancelled.previousStatus() != BookingStatus.CONFIRMED && !cancelled.withEvent()) {
      return;
    }
    UserView user = accounts.user(cancelled.userId());
    Locale locale = accounts.locale(cancelled.userId());
    EventView event = catalog.event(cancelled.eventId(), null);
    if (cancelled.withEvent()) {
      queue(
          "event-cancelled",
          user,
          locale,
          cancelled.bookingId(),
          null,
          Map.of(
              "eventTitle", event.title(),
              "eventStart", start(event, locale),
              "money", moneyOfCancelledEvent(cancelled, locale)));
      return;
    }
    queue(
        "cancellation",
        user,
        locale,
        cancelled.bookingId(),
        null,
        Map.of("eventTitle", event.title(), "reason", ""));
  }

  /** The attendee pages' base URL, without a trailing slash. */
  private String base() {
    return settings.publicBaseUrl.endsWith("/")
        ? settings.publicBaseUrl.substring(0, settings.publicBaseUrl.length() - 1)
        : settings.publicBaseUrl;
  }

  /** What happens to the attendee's money when the organizer cancels the whole event. */
  private static String moneyOfCancelledEvent(BookingCancelled cancelled, Locale locale) {
    if (cancelled.finalAmount().signum() <= 0) {
      return Templates.text(locale, "eventCancelled.free");
    }
    String amount = EmailFormats.money(cancelled.finalAmount(), cancelled.currency(), locale);
    return Templates.text(
        locale,
        cancelled.previousStatus() == BookingStatus.CONFIRMED
            ? "eventCancelled.paid"
            : "eventCancelled.unpaid",
        amount);
  }

  /** The event's start in its own time zone, the recipient's way. */
  private static String start(EventView event, Locale locale) {
    return EmailFormats.when(event.startDate().toInstant(), event.timeZone(), locale);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onRefund(@Observes RefundBooked refund) {
    UserView user = accounts.user(refund.userId());
    Locale locale = accounts.locale(refund.userId());
    long eventId = bookings.get(refund.bookingId(), refund.userId()).eventId();
    EventView event = catalog.event(eventId, null);
    String reason =
        switch (refund.reason()) {
          case SEATS_GONE, COUPON_USED_UP, BOOKING_CLOSED, CANCELLED, EVENT_CANCELLED ->
              Templates.text(locale, "refund." + refund.reason().name());
          case ORGANIZER, PROVIDER ->
              Templates.text(locale, refund.full() ? "refund.full" : "refund.partial");
        };
    queue(
        "refund",
        user,
        locale,
        refund.bookingId(),
        null,
        Map.of(
            "eventTitle", event.title(),
            "amount", EmailFormats.money(refund.amount(), refund.currency(), locale),
            "reason",
                refund.byHand() ? reason + " " + Templates.text(locale, "refund.byHand") : reason));
  }

  /**
   * Claims up to {@code limit} due emails: each is leased (its next attempt moved on) so that no
   * other sender takes it while this one sends; an email whose sender died is retried after that.
   */
  @Transactional
  public List<Claimed> claim(int limit, Duration lease) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<OutboxMessage> due =
        em.createNativeQuery(DUE, OutboxMessage.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, limit)
            .getResultList();
    return due.stream()
        .map(
            m -> {
              m.lease(now.plus(lease));
              return new Claimed(m.id(), m.attempts(), m.messageKey(), m.content());
            })
        .toList();
  }

  /** These emails were accepted by the SMTP server: SENT, in one transaction. */
  @Transactional
  public void sent(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    em.createQuery("SELECT m FROM OutboxMessage m WHERE m.id IN :ids", OutboxMessage.class)
        .setParameter("ids", ids)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .filter(OutboxMessage::queued)
        .forEach(m -> m.sent(now));
  }

  /** The attempt failed; true when the email is now DEAD. */
  @Transactional
  public boolean failed(long id, String error, int maxAttempts) {
    OutboxMessage m = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (m == null || !m.queued()) {
      return false;
    }
    m.failed(error, clock.instant(), maxAttempts);
    return !m.queued();
  }

  /**
   * How many emails wait (QUEUED), since when the oldest of them, and how many were given up
   * (DEAD): one indexed query.
   */
  @Transactional
  public Backlog backlog() {
    long queued = 0;
    long dead = 0;
    Instant oldest = null;
    // Native: EclipseLink would pass MIN(createdAt) through the Instant converter as a Date.
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(BACKLOG).getResultList();
    for (Object[] row : rows) {
      long count = ((Number) row[1]).longValue();
      if (OutboxStatus.QUEUED.name().equals(row[0])) {
        queued = count;
        oldest = instant(row[2]);
      } else {
        dead = count;
      }
    }
    return new Backlog(queued, dead, oldest);
  }

  // As the driver returns a timestamp with time zone: PostgreSQL's a Timestamp, H2's an
  // OffsetDateTime.
  private static Instant instant(Object value) {
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    return null;
  }

  /** The outbox's backlog; {@code oldestQueued} null when nothing waits. */
  public record Backlog(long queued, long dead, Instant oldestQueued) {}

  private void queue(
      String template,
      UserView user,
      Locale locale,
      long bookingId,
      String attachments,
      Map<String, String> more) {
    Map<String, String> values = new java.util.HashMap<>(more);
    values.put("firstName", user.firstName());
    values.put("bookingId", String.valueOf(bookingId));
    Templates.Rendered mail = Templates.render(template, locale, values);
    em.persist(
        OutboxMessage.queue(
            new OutboxMessage.Content(
                template,
                user.email(),
                mail.subject(),
                mail.text(),
                mail.html(),
                bookingId,
                attachments),
            clock.instant()));
  }
}
