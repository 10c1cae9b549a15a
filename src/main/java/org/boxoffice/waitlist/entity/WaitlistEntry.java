package org.boxoffice.waitlist.entity;

import static org.boxoffice.waitlist.entity.WaitlistErrors.OFFER_NOT_OPEN;
import static org.boxoffice.waitlist.entity.WaitlistErrors.WAITLIST_ENTRY_OVER;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/**
 * One user's place in the line of one ticket type, for a number of seats. Its state machine: {@code
 * WAITING → OFFERED → CLAIMED | DECLINED | EXPIRED}, {@code WAITING | OFFERED → LEFT}, {@code
 * WAITING | OFFERED → CLOSED}; anything else is refused with a 409. Its place is its id: entries
 * are served in join order.
 */
@Entity
@Table(name = "waitlist_entries")
@NamedQuery(
    name = WaitlistEntry.LIVE_OF_USER,
    query =
        "SELECT w FROM WaitlistEntry w WHERE w.userId = :userId AND w.status IN :live"
            + " ORDER BY w.id")
@NamedQuery(
    name = WaitlistEntry.AHEAD,
    query =
        "SELECT COUNT(w) FROM WaitlistEntry w WHERE w.ticketTypeId = :ticketTypeId"
            + " AND w.status = org.boxoffice.waitlist.entity.WaitlistStatus.WAITING"
            + " AND w.id < :id")
@NamedQuery(
    name = WaitlistEntry.WAITING_OF_TIER,
    query =
        "SELECT w FROM WaitlistEntry w WHERE w.ticketTypeId = :ticketTypeId"
            + " AND w.status = org.boxoffice.waitlist.entity.WaitlistStatus.WAITING ORDER BY w.id")
@NamedQuery(
    name = WaitlistEntry.DEMAND_OF_TIER,
    query =
        "SELECT COALESCE(SUM(w.quantity), 0) FROM WaitlistEntry w"
            + " WHERE w.ticketTypeId = :ticketTypeId"
            + " AND w.status = org.boxoffice.waitlist.entity.WaitlistStatus.WAITING")
@NamedQuery(
    name = WaitlistEntry.OF_EVENT,
    query = "SELECT w FROM WaitlistEntry w WHERE w.eventId = :eventId ORDER BY w.id")
@NamedQuery(
    name = WaitlistEntry.WAITING_OF_EVENT,
    query =
        "SELECT w FROM WaitlistEntry w WHERE w.eventId = :eventId"
            + " AND w.status = org.boxoffice.waitlist.entity.WaitlistStatus.WAITING ORDER BY w.id")
public class WaitlistEntry {
  public static final String LIVE_OF_USER = "WaitlistEntry.liveOfUser";
  public static final String AHEAD = "WaitlistEntry.ahead";
  public static final String WAITING_OF_TIER = "WaitlistEntry.waitingOfTier";
  public static final String DEMAND_OF_TIER = "WaitlistEntry.demandOfTier";
  public static final String OF_EVENT = "WaitlistEntry.ofEvent";
  public static final String WAITING_OF_EVENT = "WaitlistEntry.waitingOfEvent";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "ticket_type_id", nullable = false)
  private long ticketTypeId;

  @Column(name = "user_id", nullable = false)
  private long userId;

  // The user while the entry is live, NULL after: the unique key (ticket_type_id, live_user_id).
  @Column(name = "live_user_id")
  private Long liveUserId;

  @Column(nullable = false)
  private int quantity;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private WaitlistStatus status;

  @Column(name = "offer_expires_at")
  private Instant offerExpiresAt;

  @Column(name = "booking_id")
  private Long bookingId;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WaitlistEntry() {}

  /** A new entry at the end of the line, WAITING. */
  public static WaitlistEntry join(
      long eventId, long ticketTypeId, long userId, int quantity, Instant now) {
    if (quantity < 1) {
      throw DomainException.invalid("quantity", "must be at least 1");
    }
    WaitlistEntry e = new WaitlistEntry();
    e.eventId = eventId;
    e.ticketTypeId = ticketTypeId;
    e.userId = userId;
    e.liveUserId = userId;
    e.quantity = quantity;
    e.status = WaitlistStatus.WAITING;
    e.joinedAt = now;
    e.updatedAt = now;
    return e;
  }

  /** {@code WAITING → OFFERED}: its seats are held for it until {@code until}. */
  public void offer(Instant until, Instant now) {
    if (status != WaitlistStatus.WAITING) {
      throw DomainException.conflict(OFFER_NOT_OPEN, "Only a waiting entry can get an offer");
    }
    status = WaitlistStatus.OFFERED;
    offerExpiresAt = until;
    updatedAt = now;
  }

  /** Whether it has an offer that has not run out at {@code now}. */
  public boolean hasOpenOffer(Instant now) {
    return status == WaitlistStatus.OFFERED && now.isBefore(offerExpiresAt);
  }

  /** {@code OFFERED → CLAIMED}: its seats are now the booking's. */
  public void claim(long booking, Instant now) {
    requireOpenOffer(now);
    status = WaitlistStatus.CLAIMED;
    bookingId = booking;
    end(now);
  }

  /**
   * {@code CLAIMED → WAITING}, in its old place (its id): the claim's booking could not be paid
   * for, no payment could be opened, and it was cancelled.
   */
  public void reopen(long booking, Instant now) {
    if (status != WaitlistStatus.CLAIMED || bookingId == null || bookingId != booking) {
      throw DomainException.conflict(WAITLIST_ENTRY_OVER, "Only a claim of that booking reopens");
    }
    status = WaitlistStatus.WAITING;
    bookingId = null;
    offerExpiresAt = null;
    liveUserId = userId;
    updatedAt = now;
  }

  /** {@code OFFERED → DECLINED}: its seats go to the next in line. */
  public void decline(Instant now) {
    requireOpenOffer(now);
    status = WaitlistStatus.DECLINED;
    end(now);
  }

  /** {@code OFFERED → EXPIRED}, by the offer job once the offer ran out. */
  public void expire(Instant now) {
    if (status != WaitlistStatus.OFFERED) {
      throw DomainException.conflict(OFFER_NOT_OPEN, "Only an offer can run out");
    }
    status = WaitlistStatus.EXPIRED;
    end(now);
  }

  /**
   * {@code WAITING | OFFERED → LEFT}; returns whether it held an offer, whose seats then go to the
   * next in line.
   */
  public boolean leave(Instant now) {
    if (!status.isLive()) {
      throw DomainException.conflict(
          WAITLIST_ENTRY_OVER, "This entry is already over: it is " + status);
    }
    boolean hadOffer = status == WaitlistStatus.OFFERED;
    status = WaitlistStatus.LEFT;
    end(now);
    return hadOffer;
  }

  /**
   * {@code WAITING | OFFERED → CLOSED}: the list was closed, or its event cancelled; returns
   * whether it held an offer, whose seats are then kept for no one.
   */
  public boolean close(Instant now) {
    if (!status.isLive()) {
      throw DomainException.conflict(
          WAITLIST_ENTRY_OVER, "This entry is already over: it is " + status);
    }
    boolean hadOffer = status == WaitlistStatus.OFFERED;
    status = WaitlistStatus.CLOSED;
    end(now);
    return hadOffer;
  }

  /** Refuses with 409 OFFER_NOT_OPEN, saying why, unless the entry has an open offer. */
  public void requireOpenOffer(Instant now) {
    if (!hasOpenOffer(now)) {
      throw DomainException.conflict(
          OFFER_NOT_OPEN,
          status == WaitlistStatus.OFFERED
              ? "This offer has run out"
              : "This entry has no offer: it is " + status);
    }
  }

  private void end(Instant now) {
    liveUserId = null;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public long eventId() {
    return eventId;
  }

  public long ticketTypeId() {
    return ticketTypeId;
  }

  public long userId() {
    return userId;
  }

  public int quantity() {
    return quantity;
  }

  public WaitlistStatus status() {
    return status;
  }

  public Instant offerExpiresAt() {
    return offerExpiresAt;
  }

  public Long bookingId() {
    return bookingId;
  }

  public Instant joinedAt() {
    return joinedAt;
  }
}
