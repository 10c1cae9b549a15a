package org.boxoffice.booking.boundary;

import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.booking.control.Amounts;
import org.boxoffice.booking.control.BookingMetrics;
import org.boxoffice.booking.control.BookingSettings;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.coupons.boundary.CouponLock;
import org.boxoffice.coupons.boundary.Coupons;
import org.boxoffice.coupons.boundary.Redemption;
import org.boxoffice.coupons.entity.CouponRefused;
import org.boxoffice.coupons.entity.DiscountType;
import org.boxoffice.events.boundary.EventCancelled;
import org.boxoffice.events.boundary.Reservation;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.events.boundary.SeatLock;
import org.boxoffice.platform.boundary.ErrorResponses;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every change of a booking's state, each one short transaction with no network call in it. Lock
 * order: event row → coupon row → booking rows. Booking rows that another transaction may hold are
 * claimed with SKIP LOCKED, never waited for; the expiry job, which claims booking rows first,
 * therefore never blocks a booking, and it takes event rows in ascending id order.
 */
@ApplicationScoped
public class BookingLedger {
  private static final Jsonb JSONB = JsonbBuilder.create();

  // Native, because JPQL has no SKIP LOCKED; PostgreSQL and H2 2.x both understand it.
  private static final String OVERDUE_OF_EVENT =
      "SELECT * FROM bookings WHERE event_id = ?1 AND status = 'PENDING' AND expires_at <= ?2"
          + " ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED";
  private static final String OVERDUE =
      "SELECT * FROM bookings WHERE status = 'PENDING' AND expires_at <= ?1"
          + " ORDER BY expires_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED";
  private static final String HOLDING_SEATS_OF_EVENT =
      "SELECT * FROM bookings WHERE event_id = ?1 AND status IN ('PENDING', 'CONFIRMED')"
          + " ORDER BY id FOR UPDATE SKIP LOCKED";

  @PersistenceContext EntityManager em;
  @Inject SeatInventory inventory;
  @Inject Coupons coupons;
  @Inject IdempotencyStore idempotency;
  @Inject BookingMetrics metrics;
  @Inject Event<BookingCancelled> cancellations;
  @Inject Event<BookingConfirmed> confirmations;
  @Inject Event<BookingRefunded> refunds;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject @ConfigProperties BookingSettings settings;

  /** A batch placed under one lock: each order's placement, in order, and the lock's figures. */
  record Batch(List<Placement> placements, SeatLock seats) {}

  /**
   * Places a batch of orders for one event under one lock of its row, in arrival order: each is
   * checked on its own (event and tier on sale, maxPerOrder, tier and event seats, coupon), a
   * refused one gets its own refusal and changes nothing, the accepted ones are stored together —
   * PENDING until the hold runs out, or CONFIRMED at once when they cost nothing. With {@code
   * sweep} the event's overdue holds are given back first. Each order's answer, booking or refusal,
   * is stored with its Idempotency-Key record in this same transaction. Lock order: event row →
   * coupon rows (each locked once, in first-use order) → booking rows.
   */
  @Transactional
  public Batch placeAll(long eventId, List<BookingOrder> orders, boolean sweep) {
    Instant now = clock.instant();
    SeatLock seats = inventory.lock(eventId);
    if (sweep) {
      expireOverdueHoldsOf(eventId, now);
      // Written out before the batch locks its coupons again: nothing of the sweep can be lost.
      em.flush();
    }
    Map<String, Optional<CouponLock>> couponLocks = new HashMap<>();
    List<Placement> placements = new ArrayList<>(orders.size());
    List<Booking> placed = new ArrayList<>(orders.size());
    Map<Long, Answer> answers = new HashMap<>();
    for (BookingOrder order : orders) {
      try {
        Booking booking = place(seats, couponLocks, order, now);
        em.persist(booking);
        placed.add(booking);
        BookingView view = BookingView.of(booking);
        placements.add(Placement.placed(view, order.idempotencyRecordId() != null));
        keep(answers, order, 201, JSONB.toJson(view));
      } catch (DomainException refusal) {
        placements.add(Placement.failed(refusal, order.idempotencyRecordId() != null));
        keep(
            answers,
            order,
            ErrorResponses.statusOf(refusal),
            JSONB.toJson(ErrorResponses.errorOf(refusal)));
      }
    }
    em.flush();
    answers.forEach(
        (recordId, answer) ->
            idempotency.completeWithin(recordId, answer.status(), answer.body(), now));
    for (Booking booking : placed) {
      metrics.created();
      if (booking.status() == BookingStatus.CONFIRMED) {
        metrics.confirmed();
        confirmations.fire(confirmed(booking));
      }
    }
    return new Batch(placements, seats);
  }

  /**
   * A booking of seats the event already holds for the user (a waiting-list offer being claimed),
   * inside the caller's transaction, which holds {@code seats}' lock: PENDING until the hold runs
   * out, or CONFIRMED at once when free, exactly like a booking of seats on sale. No coupon: the
   * offer's price is the tier's.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public BookingView placeHeld(SeatLock seats, long userId, long ticketTypeId, int quantity) {
    Instant now = clock.instant();
    Reservation reservation = seats.held(ticketTypeId, quantity, now);
    Amounts amounts = price(reservation, null);
    Booking booking =
        Booking.place(
            new Booking.Terms(
                userId,
                reservation.eventId(),
                reservation.ticketTypeId(),
                reservation.organizerId(),
                reservation.quantity(),
                reservation.unitPrice(),
                amounts.total(),
                amounts.discount(),
                amounts.finalAmount(),
                reservation.currency(),
                null,
                null),
            now,
            now.plus(hold()));
    em.persist(booking);
    em.flush();
    metrics.created();
    if (booking.status() == BookingStatus.CONFIRMED) {
      metrics.confirmed();
      confirmations.fire(confirmed(booking));
    }
    return BookingView.of(booking);
  }

  /** The earliest expiry of the event's unpaid holds, or empty when it has none. */
  @Transactional
  public Optional<Instant> nextHoldExpiry(long eventId) {
    // The earliest hold itself, not MIN(expiresAt): an aggregate bypasses the Instant converter.
    return em.createNamedQuery(Booking.NEXT_HOLD_EXPIRY, Booking.class)
        .setParameter("eventId", eventId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(Booking::expiresAt);
  }

  private record Answer(int status, String body) {}

  private static void keep(Map<Long, Answer> answers, BookingOrder order, int status, String body) {
    if (order.idempotencyRecordId() != null) {
      answers.put(order.idempotencyRecordId(), new Answer(status, body));
    }
  }

  /**
   * One order under the batch's locks: its seats, its coupon use, its price; nothing on refusal.
   */
  private Booking place(
      SeatLock seats,
      Map<String, Optional<CouponLock>> couponLocks,
      BookingOrder order,
      Instant now) {
    BookingRequest request = order.request();
    Optional<CouponLock> coupon =
        request.couponCode() == null
            ? Optional.empty()
            : couponLocks.computeIfAbsent(
                CouponLock.normalize(request.couponCode()),
                code -> coupons.lock(seats.eventId(), request.couponCode()));
    if (request.couponCode() != null && coupon.isEmpty()) {
      throw CouponRefused.notValid();
    }
    // The coupon is checked before the seats are taken, and takes its use only after: a refusal
    // of either leaves both as they were.
    Reservation reservation = seats.check(request.ticketTypeId(), request.seats(), now);
    Redemption redemption =
        coupon.map(lock -> lock.redeem(reservation.ticketTypeId(), now)).orElse(null);
    seats.take(reservation);
    Amounts amounts = price(reservation, redemption);
    return Booking.place(
        new Booking.Terms(
            order.userId(),
            reservation.eventId(),
            reservation.ticketTypeId(),
            reservation.organizerId(),
            reservation.quantity(),
            reservation.unitPrice(),
            amounts.total(),
            amounts.discount(),
            amounts.finalAmount(),
            reservation.currency(),
            redemption == null ? null : redemption.couponId(),
            redemption == null ? null : redemption.code()),
        now,
        now.plus(hold()));
  }

  /** A booking as the payments feature needs to know it. */
  public record Facts(
      long id,
      long userId,
      long eventId,
      long organizerId,
      BookingStatus status,
      java.math.BigDecimal finalAmount,
      String currency) {}

  /** What a succeeded payment did to its booking. */
  public enum PaidOutcome {
    CONFIRMED,
    ALREADY_CONFIRMED,
    /** The hold had lapsed (expired or cancelled unpaid): its seats must be taken again. */
    LAPSED,
    /** Refunded already: nothing to confirm. */
    CLOSED
  }

  /** Locks the booking row inside the caller's transaction; empty when there is no such booking. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Facts> lock(long bookingId) {
    Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    return Optional.ofNullable(booking).map(BookingLedger::facts);
  }

  /**
   * Its payment succeeded (inside the payments feature's transaction, which records the payment): a
   * PENDING booking is confirmed, tickets and email with it (observers of {@link
   * BookingConfirmed}). It is confirmed even past its expiry time: the row lock keeps the expiry
   * job away, and until that job claimed it the booking still holds its seats.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PaidOutcome confirmPaid(long bookingId, Instant now) {
    Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null) {
      throw DomainException.notFound(BOOKING_NOT_FOUND, "No such booking");
    }
    return switch (booking.status()) {
      case PENDING -> {
        booking.confirm(now);
        metrics.confirmed();
        confirmations.fire(confirmed(booking));
        yield PaidOutcome.CONFIRMED;
      }
      case CONFIRMED -> PaidOutcome.ALREADY_CONFIRMED;
      case EXPIRED, CANCELLED -> PaidOutcome.LAPSED;
      case REFUNDED -> PaidOutcome.CLOSED;
    };
  }

  /** What became of a booking whose payment arrived after its hold had lapsed. */
  public enum LateOutcome {
    /** Seats and coupon use taken again: CONFIRMED, with its tickets and email. */
    CONFIRMED,
    /** The seats are gone: sold meanwhile, or the event is no longer on sale. */
    SEATS_GONE,
    /** The seats were free, but the coupon's last use went to another booking meanwhile. */
    COUPON_USED_UP,
    /** Not merely expired: cancelled (by its booker, its organizer, with its event) or refunded. */
    CLOSED
  }

  /**
   * A payment arrived after the hold lapsed (inside the payments feature's transaction, which
   * records the payment and, unless this confirms the booking, its refund): an EXPIRED booking
   * takes its seats again, and its coupon use, and is confirmed with tickets and email. It answers
   * rather than throws, since the caller's transaction must commit either way: the decision and its
   * consequence (confirmation or refund) are one commit, so no crash can leave a paid booking
   * without seats and without a refund. Locks booking row, then event row, then coupon row.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public LateOutcome confirmLate(long bookingId, Instant now) {
    Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || booking.status() != BookingStatus.EXPIRED) {
      return LateOutcome.CLOSED;
    }
    if (!inventory.retake(booking.eventId(), booking.ticketTypeId(), booking.quantity(), now)) {
      return LateOutcome.SEATS_GONE;
    }
    if (booking.couponId() != null && !coupons.retake(booking.couponId())) {
      // The event row is still locked by this transaction: the seats go back as if never taken.
      inventory.release(booking.eventId(), booking.ticketTypeId(), booking.quantity());
      return LateOutcome.COUPON_USED_UP;
    }
    booking.confirmLate(now);
    metrics.confirmed();
    confirmations.fire(confirmed(booking));
    return LateOutcome.CONFIRMED;
  }

  /**
   * The booking's money went back in full (inside the payments feature's transaction): REFUNDED,
   * seats and coupon use back, tickets voided (observers of {@link BookingRefunded}). A booking
   * that no longer holds seats (already cancelled) is left as it is.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void refundedInFull(long bookingId, Instant now) {
    Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || booking.status() != BookingStatus.CONFIRMED) {
      return;
    }
    booking.refund(now);
    inventory.release(booking.eventId(), booking.ticketTypeId(), booking.quantity());
    if (booking.couponId() != null) {
      coupons.giveBack(booking.couponId());
    }
    refunds.fire(new BookingRefunded(booking.id(), booking.userId(), booking.eventId()));
  }

  private static Facts facts(Booking b) {
    return new Facts(
        b.id(),
        b.userId(),
        b.eventId(),
        b.organizerId(),
        b.status(),
        b.finalAmount(),
        b.currency());
  }

  private static BookingConfirmed confirmed(Booking b) {
    return new BookingConfirmed(
        b.id(),
        b.userId(),
        b.eventId(),
        b.organizerId(),
        b.ticketTypeId(),
        b.quantity(),
        b.finalAmount(),
        b.currency());
  }

  /**
   * Cancels a booking for its booker or the event's organizer (404 BOOKING_NOT_FOUND for anyone
   * else, 409 BOOKING_NOT_CANCELLABLE unless PENDING or CONFIRMED): seats and coupon use go back.
   */
  @Transactional
  public BookingView cancel(long bookingId, long userId) {
    // The booking row first: a cancellation waits for the expiry job's claim rather than racing it.
    Booking booking = em.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || !booking.isVisibleTo(userId)) {
      throw DomainException.notFound(BOOKING_NOT_FOUND, "No such booking");
    }
    BookingStatus before = booking.status();
    cancelAndGiveBack(booking, false);
    metrics.cancelled(1);
    audit.record("booking.cancelled", "booking", Long.toString(bookingId), "was " + before);
    return BookingView.of(booking);
  }

  /**
   * The event is being cancelled (inside the events feature's transaction, which holds the event
   * row): every booking that holds seats is cancelled with it. Rows another transaction holds are
   * skipped: those are being expired or cancelled already, so each ends without seats either way.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onEventCancelled(@Observes EventCancelled cancelled) {
    @SuppressWarnings("unchecked")
    List<Booking> holding =
        em.createNativeQuery(HOLDING_SEATS_OF_EVENT, Booking.class)
            .setParameter(1, cancelled.eventId())
            .getResultList();
    for (Booking booking : holding) {
      cancelAndGiveBack(booking, true);
    }
    metrics.cancelled(holding.size());
  }

  /**
   * Expires one batch of overdue holds, whatever their event, and gives their seats and coupon uses
   * back; returns how many. Safe with several servers: each claims other rows (SKIP LOCKED).
   */
  @Transactional
  public int expireOverdue(int batchSize) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Booking> due =
        em.createNativeQuery(OVERDUE, Booking.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, batchSize)
            .getResultList();
    // Event rows in ascending id order, so that two servers' batches never wait on each other.
    due.stream()
        .sorted(Comparator.comparingLong(Booking::eventId).thenComparing(Booking::id))
        .forEach(booking -> expireAndGiveBack(booking, now));
    metrics.expired(due.size());
    return due.size();
  }

  /** An expired hold stops counting at its expiry: before booking, this event's are given back. */
  private void expireOverdueHoldsOf(long eventId, Instant now) {
    @SuppressWarnings("unchecked")
    List<Booking> due =
        em.createNativeQuery(OVERDUE_OF_EVENT, Booking.class)
            .setParameter(1, eventId)
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    due.forEach(booking -> expireAndGiveBack(booking, now));
    metrics.expired(due.size());
  }

  private void expireAndGiveBack(Booking booking, Instant now) {
    booking.expire(now);
    inventory.release(booking.eventId(), booking.ticketTypeId(), booking.quantity());
    if (booking.couponId() != null) {
      coupons.giveBack(booking.couponId());
    }
  }

  private void cancelAndGiveBack(Booking booking, boolean withEvent) {
    BookingStatus before = booking.cancel(clock.instant());
    inventory.release(booking.eventId(), booking.ticketTypeId(), booking.quantity());
    if (booking.couponId() != null) {
      coupons.giveBack(booking.couponId());
    }
    cancellations.fire(
        new BookingCancelled(
            booking.id(),
            booking.userId(),
            booking.eventId(),
            before,
            booking.finalAmount(),
            booking.currency(),
            withEvent));
  }

  private static Amounts price(Reservation seats, Redemption coupon) {
    if (coupon == null) {
      return Amounts.of(seats.unitPrice(), seats.quantity());
    }
    return coupon.discountType() == DiscountType.PERCENT
        ? Amounts.withPercent(seats.unitPrice(), seats.quantity(), coupon.discountValue())
        : Amounts.withFixed(seats.unitPrice(), seats.quantity(), coupon.discountValue());
  }

  private Duration hold() {
    return settings
        .holdSeconds
        .map(Duration::ofSeconds)
        .orElse(Duration.ofMinutes(settings.holdMinutes));
  }
}
