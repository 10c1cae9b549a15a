package org.boxoffice.booking.entity;

import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_CANCELLABLE;
import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_CONFIRMABLE;
import static org.boxoffice.booking.entity.BookingErrors.BOOKING_NOT_PENDING;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Seats of one ticket type held or bought by one user, at a price fixed when booked. It keeps its
 * own state machine: {@code PENDING → CONFIRMED → CANCELLED | REFUNDED}, {@code PENDING → EXPIRED |
 * CANCELLED}; anything else is refused with a 409.
 */
@Entity
@Table(name = "bookings")
@NamedQuery(
    name = Booking.OF_USER,
    query = "SELECT b FROM Booking b WHERE b.userId = :userId ORDER BY b.createdAt DESC, b.id DESC")
@NamedQuery(
    name = Booking.COUNT_OF_USER,
    query = "SELECT COUNT(b) FROM Booking b WHERE b.userId = :userId")
@NamedQuery(
    name = Booking.NEXT_HOLD_EXPIRY,
    query =
        "SELECT b FROM Booking b WHERE b.eventId = :eventId"
            + " AND b.status = org.boxoffice.booking.entity.BookingStatus.PENDING"
            + " ORDER BY b.expiresAt")
public class Booking {
  public static final String OF_USER = "Booking.ofUser";
  public static final String NEXT_HOLD_EXPIRY = "Booking.nextHoldExpiry";
  public static final String COUNT_OF_USER = "Booking.countOfUser";

  // From a sequence in blocks of 50 (migration V32): a batch of bookings is one batched INSERT.
  @Id
  @SequenceGenerator(name = "booking_ids", sequenceName = "booking_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "booking_ids")
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "ticket_type_id", nullable = false)
  private long ticketTypeId;

  @Column(name = "organizer_id", nullable = false)
  private long organizerId;

  @Column(nullable = false)
  private int quantity;

  @Column(name = "unit_price", nullable = false)
  private BigDecimal unitPrice;

  @Column(name = "total_amount", nullable = false)
  private BigDecimal totalAmount;

  @Column(name = "discount_amount", nullable = false)
  private BigDecimal discountAmount;

  @Column(name = "final_amount", nullable = false)
  private BigDecimal finalAmount;

  @Column(nullable = false)
  private String currency;

  @Column(name = "coupon_id")
  private Long couponId;

  @Column(name = "coupon_code")
  private String couponCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BookingStatus status;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Booking() {}

  /** What a new booking is: who, which seats, at what price. */
  public record Terms(
      long userId,
      long eventId,
      long ticketTypeId,
      long organizerId,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal totalAmount,
      BigDecimal discountAmount,
      BigDecimal finalAmount,
      String currency,
      Long couponId,
      String couponCode) {}

  /**
   * A new booking: a PENDING hold until {@code holdUntil}, or CONFIRMED at once when there is
   * nothing to pay.
   */
  public static Booking place(Terms terms, Instant now, Instant holdUntil) {
    Booking b = new Booking();
    b.userId = terms.userId();
    b.eventId = terms.eventId();
    b.ticketTypeId = terms.ticketTypeId();
    b.organizerId = terms.organizerId();
    b.quantity = terms.quantity();
    b.unitPrice = terms.unitPrice();
    b.totalAmount = terms.totalAmount();
    b.discountAmount = terms.discountAmount();
    b.finalAmount = terms.finalAmount();
    b.currency = terms.currency();
    b.couponId = terms.couponId();
    b.couponCode = terms.couponCode();
    b.createdAt = now;
    b.updatedAt = now;
    if (terms.finalAmount().signum() == 0) {
      b.status = BookingStatus.CONFIRMED;
    } else {
      b.status = BookingStatus.PENDING;
      b.expiresAt = holdUntil;
    }
    return b;
  }

  /** Paid (or free): the seats are the booker's for good. Only a PENDING booking can be. */
  public void confirm(Instant now) {
    if (status != BookingStatus.PENDING) {
      throw new IllegalTransition(
          BOOKING_NOT_CONFIRMABLE, "A " + status + " booking can't be confirmed");
    }
    status = BookingStatus.CONFIRMED;
    expiresAt = null;
    updatedAt = now;
  }

  /**
   * Paid after its hold had expired, and the seats were taken again: the booking is confirmed after
   * all. A cancelled booking stays cancelled (its booker or organizer gave it up; its money goes
   * back).
   */
  public void confirmLate(Instant now) {
    if (status != BookingStatus.EXPIRED) {
      throw new IllegalTransition(
          BOOKING_NOT_CONFIRMABLE, "A " + status + " booking can't be confirmed late");
    }
    status = BookingStatus.CONFIRMED;
    expiresAt = null;
    updatedAt = now;
  }

  /** Its money went back in full: the seats are given back. Only a CONFIRMED booking can be. */
  public void refund(Instant now) {
    if (status != BookingStatus.CONFIRMED) {
      throw new IllegalTransition(
          BOOKING_NOT_CANCELLABLE, "A " + status + " booking can't be refunded");
    }
    status = BookingStatus.REFUNDED;
    updatedAt = now;
  }

  /** The hold ran out unpaid. Only a PENDING booking past its expiry can expire. */
  public void expire(Instant now) {
    if (status != BookingStatus.PENDING) {
      throw new IllegalTransition(BOOKING_NOT_PENDING, "A " + status + " booking can't expire");
    }
    if (expiresAt != null && now.isBefore(expiresAt)) {
      throw new IllegalTransition(BOOKING_NOT_PENDING, "This hold has not run out yet");
    }
    status = BookingStatus.EXPIRED;
    updatedAt = now;
  }

  /**
   * Cancelled by the booker, the organizer, or with the event. Returns the status it had, so the
   * caller knows whether money must go back (CONFIRMED and paid).
   */
  public BookingStatus cancel(Instant now) {
    if (!status.holdsSeats()) {
      throw new IllegalTransition(
          BOOKING_NOT_CANCELLABLE, "A " + status + " booking can't be cancelled");
    }
    BookingStatus before = status;
    status = BookingStatus.CANCELLED;
    updatedAt = now;
    return before;
  }

  /** Whether this user may see and cancel the booking: its booker or the event's organizer. */
  public boolean isVisibleTo(long user) {
    return userId == user || organizerId == user;
  }

  public Long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public long eventId() {
    return eventId;
  }

  public long ticketTypeId() {
    return ticketTypeId;
  }

  public long organizerId() {
    return organizerId;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public BigDecimal totalAmount() {
    return totalAmount;
  }

  public BigDecimal discountAmount() {
    return discountAmount;
  }

  public BigDecimal finalAmount() {
    return finalAmount;
  }

  public String currency() {
    return currency;
  }

  public Long couponId() {
    return couponId;
  }

  public String couponCode() {
    return couponCode;
  }

  public BookingStatus status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
