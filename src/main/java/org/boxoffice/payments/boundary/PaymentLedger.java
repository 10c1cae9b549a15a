package org.boxoffice.payments.boundary;

import static org.boxoffice.payments.entity.PaymentErrors.NOT_REFUNDABLE;
import static org.boxoffice.payments.entity.PaymentErrors.PAYMENT_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.booking.boundary.BookingCancelled;
import org.boxoffice.booking.boundary.BookingLedger;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.boxoffice.booking.entity.BookingErrors;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.payments.control.PaymentGateway;
import org.boxoffice.payments.control.PaymentSettings;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.Refund;
import org.boxoffice.payments.entity.RefundReason;
import org.boxoffice.payments.entity.RefundStatus;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Every change of payments and refunds, each one short transaction with no network call in it. A
 * Stripe event is recorded as processed in the same transaction as its effects, so it takes effect
 * exactly once however often it is delivered, even across a crash.
 */
@ApplicationScoped
public class PaymentLedger {
  private static final Logger LOG = Logger.getLogger(PaymentLedger.class.getName());
  // A repeated delivery inserts nothing; a concurrent twin waits for the first one's commit.
  private static final String MARK_PROCESSED =
      "INSERT INTO processed_webhook_events (event_id, event_type, processed_at)"
          + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";
  private static final String DUE_REFUNDS =
      "SELECT id FROM refunds WHERE status = 'REQUESTED' AND updated_at <= ?1"
          + " ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED";

  /** What a {@code payment_intent.succeeded} did. */
  public enum Succeeded {
    CONFIRMED,
    /** Paid after the hold lapsed, and the seats were taken again: confirmed after all. */
    CONFIRMED_LATE,
    /** Paid after the hold lapsed, and the seats (or coupon use) could not be had: refunded. */
    REFUNDED,
    /** Already handled (the same event again, or another event for the same payment). */
    DUPLICATE,
    /** No payment of ours has this intent. */
    UNKNOWN
  }

  @PersistenceContext EntityManager em;
  @Inject BookingLedger bookings;
  @Inject OrganizerViews organizerViews;
  @Inject Event<RefundBooked> refundsBooked;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;
  @Inject @ConfigProperties PaymentSettings settings;
  @Inject AuditTrail audit;

  /** The payment already opened for a booking, if any. */
  @Transactional
  public Optional<Checkout.PaymentDetails> openedFor(long bookingId) {
    return em.createNamedQuery(Payment.BY_BOOKING, Payment.class)
        .setParameter("bookingId", bookingId)
        .getResultStream()
        .findFirst()
        .map(p -> new Checkout.PaymentDetails(p.provider(), p.intentId(), p.clientSecret()));
  }

  /** An intent just created for a booking, to be stored ({@link #recordAll}). */
  public record Opening(
      BookingView booking, long userId, String provider, PaymentGateway.Intent intent) {}

  /**
   * Stores the intents of several bookings in one transaction (concurrent bookings' payments,
   * combined by {@link Payments}): all of them or, when one fails (a twin already stored its
   * booking's payment), none.
   */
  @Transactional
  public List<Checkout.PaymentDetails> recordAll(List<Opening> openings) {
    Instant now = clock.instant();
    for (Opening opening : openings) {
      em.persist(
          Payment.open(
              opening.booking().id(),
              opening.userId(),
              opening.provider(),
              opening.intent().id(),
              opening.intent().clientSecret(),
              opening.booking().finalAmount(),
              opening.booking().currency(),
              now));
    }
    // The inserts now, inside this method: a constraint fails here, not in the caller's commit.
    em.flush();
    return openings.stream()
        .map(
            o ->
                new Checkout.PaymentDetails(
                    o.provider(), o.intent().id(), o.intent().clientSecret()))
        .toList();
  }

  /**
   * The customer paid: the payment SUCCEEDED and its booking CONFIRMED with tickets and email, all
   * in this transaction with the event's record. A payment that arrives after its hold lapsed takes
   * the seats again if they are still free; otherwise its refund is booked (and the attendee's
   * email queued) in this same transaction, so the decision survives any crash: the refund is sent
   * after the commit, or by {@link RefundRetry} if the server dies first.
   */
  @Transactional
  public Succeeded applySucceeded(String eventId, String eventType, String intentId) {
    Optional<Payment> found = lockByIntent(intentId);
    if (found.isEmpty()) {
      return Succeeded.UNKNOWN;
    }
    if (!markProcessed(eventId, eventType)) {
      return Succeeded.DUPLICATE;
    }
    Payment payment = found.get();
    Instant now = clock.instant();
    if (!payment.succeed(now)) {
      return Succeeded.DUPLICATE;
    }
    metrics.counter("payments.succeeded").inc();
    Succeeded outcome =
        switch (bookings.confirmPaid(payment.bookingId(), now)) {
          case CONFIRMED, ALREADY_CONFIRMED -> Succeeded.CONFIRMED;
          case LAPSED, CLOSED -> settleLate(payment, now);
        };
    holdForCrashDrill(eventId);
    return outcome;
  }

  private Succeeded settleLate(Payment payment, Instant now) {
    BookingLedger.LateOutcome late = bookings.confirmLate(payment.bookingId(), now);
    if (late == BookingLedger.LateOutcome.CONFIRMED) {
      return Succeeded.CONFIRMED_LATE;
    }
    RefundReason reason =
        switch (late) {
          case COUPON_USED_UP -> RefundReason.COUPON_USED_UP;
          case CLOSED -> RefundReason.BOOKING_CLOSED;
          default -> RefundReason.SEATS_GONE;
        };
    book(payment, null, reason);
    return Succeeded.REFUNDED;
  }

  /**
   * Test-only: with {@code boxoffice.payments.crash.drill.millis} set, the transaction of a
   * succeeded payment waits (its effects written, not committed) so a test can kill -9 the server
   * there. Never set in production; 0 (off) by default.
   */
  private void holdForCrashDrill(String eventId) {
    if (settings.crashDrillMillis <= 0) {
      return;
    }
    em.flush();
    LOG.warning(() -> "CRASH DRILL: holding the transaction of " + eventId + " uncommitted");
    try {
      Thread.sleep(settings.crashDrillMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An attempt to pay failed: the booking stays PENDING, the customer may try again. */
  @Transactional
  public void applyFailed(String eventId, String eventType, String intentId) {
    Optional<Payment> found = lockByIntent(intentId);
    if (found.isEmpty() || !markProcessed(eventId, eventType)) {
      return;
    }
    found.get().recordFailure(clock.instant());
    metrics.counter("payments.failed").inc();
  }

  /**
   * Stripe reports {@code refundedMinor} refunded altogether (our own refunds, or one made at its
   * dashboard): the payment catches up, and a refund in full gives the booking's seats back.
   */
  @Transactional
  public void applyRefunded(String eventId, String eventType, String intentId, BigDecimal total) {
    Optional<Payment> found = lockByIntent(intentId);
    if (found.isEmpty() || !markProcessed(eventId, eventType)) {
      return;
    }
    Payment payment = found.get();
    Instant now = clock.instant();
    BigDecimal added = payment.reconcileRefunded(total, now);
    if (added.signum() > 0) {
      em.persist(Refund.reported(payment.id(), payment.bookingId(), added, eventId, now));
      if (payment.fullyRefunded()) {
        bookings.refundedInFull(payment.bookingId(), now);
      }
    }
  }

  /** The booker's own payment by its intent id; 404 PAYMENT_NOT_FOUND for anyone else's. */
  @Transactional
  public Payment ownPayment(String intentId, long userId) {
    return em.createNamedQuery(Payment.BY_INTENT, Payment.class)
        .setParameter("intentId", intentId)
        .getResultStream()
        .filter(p -> p.userId() == userId)
        .findFirst()
        .orElseThrow(() -> DomainException.notFound(PAYMENT_NOT_FOUND, "No such payment"));
  }

  /**
   * The payment of a booking of the organizer's event, for the admin pages: empty when the booking
   * has none (it was free). 404 EVENT_NOT_FOUND / BOOKING_NOT_FOUND unless the caller organizes the
   * event and the booking is one of its own, the rule {@link #requestRefund} applies too.
   */
  @Transactional
  public Optional<PaymentSummary> ofBooking(long eventId, long bookingId, long organizerId) {
    organizerViews.booking(eventId, bookingId, organizerId);
    return em.createNamedQuery(Payment.BY_BOOKING, Payment.class)
        .setParameter("bookingId", bookingId)
        .getResultStream()
        .findFirst()
        .map(payment -> PaymentSummary.of(payment, refundedByHand(payment.id())));
  }

  private BigDecimal refundedByHand(long paymentId) {
    Object total =
        em.createNativeQuery(
                "SELECT coalesce(sum(amount), 0) FROM refunds"
                    + " WHERE payment_id = ?1 AND status = 'MANUAL'")
            .setParameter(1, paymentId)
            .getSingleResult();
    return new BigDecimal(total.toString()).setScale(2);
  }

  /**
   * The organizer refunds a confirmed booking, in full or in part: 404 BOOKING_NOT_FOUND unless
   * they organize its event, 409 NOT_REFUNDABLE unless it was paid and not all of it went back, 422
   * REFUND_TOO_LARGE beyond what is left. A refund in full makes the booking REFUNDED and gives its
   * seats back.
   */
  @Transactional
  public long requestRefund(long bookingId, long organizerId, BigDecimal amount) {
    BookingLedger.Facts booking =
        bookings
            .lock(bookingId)
            .filter(b -> b.organizerId() == organizerId)
            .orElseThrow(
                () -> DomainException.notFound(BookingErrors.BOOKING_NOT_FOUND, "No such booking"));
    if (booking.status() != BookingStatus.CONFIRMED) {
      throw DomainException.conflict(
          NOT_REFUNDABLE, "A " + booking.status() + " booking can't be refunded");
    }
    Payment payment =
        lockByBooking(bookingId)
            .orElseThrow(
                () -> DomainException.conflict(NOT_REFUNDABLE, "This booking was not paid"));
    long refundId = book(payment, amount, RefundReason.ORGANIZER);
    audit.record(
        "payment.refund.requested",
        "booking",
        Long.toString(bookingId),
        (amount == null ? "in full" : amount.toPlainString() + " " + payment.currency())
            + "; refund "
            + refundId);
    return refundId;
  }

  /**
   * A paid, confirmed booking was cancelled (by its booker, its organizer, or with its event): its
   * money goes back in full, booked in the cancelling transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onBookingCancelled(@Observes BookingCancelled cancelled) {
    if (cancelled.previousStatus() != BookingStatus.CONFIRMED
        || cancelled.finalAmount().signum() <= 0) {
      return;
    }
    lockByBooking(cancelled.bookingId())
        .filter(p -> p.refundable().signum() > 0)
        .ifPresent(
            p ->
                book(
                    p,
                    null,
                    cancelled.withEvent() ? RefundReason.EVENT_CANCELLED : RefundReason.CANCELLED));
  }

  /** The refund, for sending: its intent, amount and key; empty once it succeeded. */
  @Transactional
  public Optional<Outgoing> outgoing(long refundId) {
    Refund refund = em.find(Refund.class, refundId);
    if (refund == null || refund.done()) {
      return Optional.empty();
    }
    Payment payment = em.find(Payment.class, refund.paymentId());
    return Optional.of(
        new Outgoing(
            refund.id(),
            payment.provider(),
            payment.intentId(),
            refund.amount(),
            payment.currency(),
            refund.idempotencyKey()));
  }

  /** A refund to send: everything the gateway call needs, read before the call. */
  public record Outgoing(
      long refundId,
      String provider,
      String intentId,
      BigDecimal amount,
      String currency,
      String idempotencyKey) {}

  @Transactional
  public void refundSent(long refundId, String gatewayRefundId) {
    Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
    if (refund != null && !refund.done()) {
      refund.succeeded(gatewayRefundId, clock.instant());
      metrics.counter("refunds.sent").inc();
    }
  }

  @Transactional
  public void refundFailed(long refundId) {
    Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
    if (refund != null && !refund.done()) {
      refund.attemptFailed(clock.instant());
    }
  }

  /**
   * Claims refunds still REQUESTED a while after they were booked (the gateway was down, or the
   * server died before sending): their clock is moved on so no other server sends them meanwhile.
   */
  @Transactional
  public List<Long> claimDueRefunds(Instant before, int limit) {
    List<?> ids =
        em.createNativeQuery(DUE_REFUNDS)
            .setParameter(1, before.atOffset(ZoneOffset.UTC))
            .setParameter(2, limit)
            .getResultList();
    List<Long> claimed = ids.stream().map(id -> ((Number) id).longValue()).toList();
    Instant now = clock.instant();
    for (Long id : claimed) {
      em.find(Refund.class, id).attemptFailed(now);
    }
    return claimed;
  }

  /** The status of the booking and refund after a refund. */
  @Transactional
  public RefundView view(long refundId) {
    Refund refund = em.find(Refund.class, refundId);
    Payment payment = em.find(Payment.class, refund.paymentId());
    BookingStatus bookingStatus = bookings.lock(refund.bookingId()).orElseThrow().status();
    return new RefundView(
        refund.id(),
        refund.bookingId(),
        refund.amount(),
        payment.currency(),
        refund.status(),
        bookingStatus);
  }

  private long book(Payment payment, BigDecimal amount, RefundReason reason) {
    Instant now = clock.instant();
    BigDecimal refunded = payment.refund(amount, now);
    Refund refund =
        payment.refundsByHand()
            ? Refund.byHand(payment.id(), payment.bookingId(), refunded, reason, now)
            : Refund.requested(payment.id(), payment.bookingId(), refunded, reason, now);
    em.persist(refund);
    em.flush();
    // A cancellation has given the seats back already.
    if (payment.fullyRefunded() && !reason.withCancellation()) {
      bookings.refundedInFull(payment.bookingId(), now);
    }
    refundsBooked.fire(
        new RefundBooked(
            refund.id(),
            payment.bookingId(),
            payment.userId(),
            refunded,
            payment.currency(),
            reason,
            payment.fullyRefunded(),
            refund.status() == RefundStatus.MANUAL));
    return refund.id();
  }

  boolean markProcessed(String eventId, String eventType) {
    return em.createNativeQuery(MARK_PROCESSED)
            .setParameter(1, eventId)
            .setParameter(2, eventType)
            .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  /**
   * The payment of an intent, locked after its booking: booking row → payment row is the order
   * every path takes (a cancellation holds the booking when it books its refund).
   */
  Optional<Payment> lockByIntent(String intentId) {
    Optional<Payment> found =
        em.createNamedQuery(Payment.BY_INTENT, Payment.class)
            .setParameter("intentId", intentId)
            .getResultStream()
            .findFirst();
    found.ifPresent(
        payment -> {
          bookings.lock(payment.bookingId());
          em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        });
    return found;
  }

  private Optional<Payment> lockByBooking(long bookingId) {
    return em.createNamedQuery(Payment.BY_BOOKING, Payment.class)
        .setParameter("bookingId", bookingId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
