package org.boxoffice.waitlist.boundary;

import static org.boxoffice.waitlist.entity.WaitlistErrors.BOOK_INSTEAD;
import static org.boxoffice.waitlist.entity.WaitlistErrors.WAITLIST_ALREADY_JOINED;
import static org.boxoffice.waitlist.entity.WaitlistErrors.WAITLIST_CLOSED;
import static org.boxoffice.waitlist.entity.WaitlistErrors.WAITLIST_ENTRY_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.booking.boundary.BookingLedger;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.events.boundary.EventCancelled;
import org.boxoffice.events.boundary.SeatClaims;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.events.boundary.SeatLock;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.boxoffice.waitlist.control.WaitlistMetrics;
import org.boxoffice.waitlist.control.WaitlistSettings;
import org.boxoffice.waitlist.entity.KeptSeats;
import org.boxoffice.waitlist.entity.ListClosure;
import org.boxoffice.waitlist.entity.WaitlistEntry;
import org.boxoffice.waitlist.entity.WaitlistStatus;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Every change of a waiting-list entry and of the seats kept for the lists, each one short
 * transaction with no network call in it. Lock order: event row → entry rows. Whatever frees seats
 * asks {@link #keep} under the event row's lock; kept seats and offers that ran out are claimed by
 * the offer job with SKIP LOCKED ({@link WaitlistOffers}).
 */
@ApplicationScoped
public class WaitlistLedger implements SeatClaims {
  private static final String LIVE_OF_TIER_AND_USER =
      "SELECT w FROM WaitlistEntry w WHERE w.ticketTypeId = :ticketTypeId"
          + " AND w.userId = :userId"
          + " AND w.status IN (org.boxoffice.waitlist.entity.WaitlistStatus.WAITING,"
          + " org.boxoffice.waitlist.entity.WaitlistStatus.OFFERED)";
  private static final String LIVE_OF_EVENT =
      "SELECT w FROM WaitlistEntry w WHERE w.eventId = :eventId"
          + " AND w.status IN (org.boxoffice.waitlist.entity.WaitlistStatus.WAITING,"
          + " org.boxoffice.waitlist.entity.WaitlistStatus.OFFERED) ORDER BY w.id";

  @PersistenceContext EntityManager em;
  @Inject SeatInventory inventory;
  @Inject BookingLedger bookings;
  @Inject WaitlistMetrics metrics;
  @Inject Event<WaitlistClosed> closings;
  @Inject Event<WaitlistClaimed> claims;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject @ConfigProperties WaitlistSettings settings;

  /**
   * Puts the user at the end of the line of the event's ticket type, under the event row's lock so
   * that no seat freed meanwhile goes past them. Refused, in order, like a booking of those seats
   * (404 EVENT_NOT_FOUND / TICKET_TYPE_NOT_FOUND, 409 EVENT_NOT_ON_SALE, 422
   * MAX_PER_ORDER_EXCEEDED), then 409 WAITLIST_CLOSED, 409 BOOK_INSTEAD when the seats are on sale,
   * 409 WAITLIST_ALREADY_JOINED when the user already has a live entry for the tier.
   */
  @Transactional
  public WaitlistView join(long userId, JoinRequest request) {
    Instant now = clock.instant();
    SeatLock seats = inventory.lock(request.eventId());
    SeatLock.Wanted wanted = seats.wanted(request.ticketTypeId(), request.seats(), now);
    if (isClosed(request.eventId())) {
      throw DomainException.conflict(WAITLIST_CLOSED, "The waiting list of this event is closed");
    }
    if (wanted.onSale() >= request.seats()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT,
          BOOK_INSTEAD,
          "These seats are on sale: book them instead",
          List.of(
              new FieldDetail(
                  "quantity",
                  wanted.onSale() + " seats are on sale: book them with POST /bookings")));
    }
    boolean joined =
        !em.createQuery(LIVE_OF_TIER_AND_USER, WaitlistEntry.class)
            .setParameter("ticketTypeId", wanted.ticketTypeId())
            .setParameter("userId", userId)
            .getResultList()
            .isEmpty();
    if (joined) {
      throw DomainException.conflict(
          WAITLIST_ALREADY_JOINED, "You are already on the waiting list of this ticket type");
    }
    WaitlistEntry entry =
        WaitlistEntry.join(request.eventId(), wanted.ticketTypeId(), userId, request.seats(), now);
    em.persist(entry);
    em.flush();
    metrics.joined();
    return WaitlistView.of(entry, positionOf(entry));
  }

  /**
   * The user leaves the line (404 WAITLIST_ENTRY_NOT_FOUND for anyone else's entry, 409
   * WAITLIST_ENTRY_OVER when it is over): an offer it held goes to the next in line.
   */
  @Transactional
  public WaitlistView leave(long entryId, long userId) {
    Instant now = clock.instant();
    WaitlistEntry entry = ownLocked(entryId, userId);
    if (entry.leave(now)) {
      em.persist(new KeptSeats(entry.eventId(), entry.ticketTypeId(), entry.quantity(), now));
    }
    return WaitlistView.of(entry, null);
  }

  /**
   * The user declines their offer (404 for anyone else's entry, 409 OFFER_NOT_OPEN without an open
   * offer): its seats go to the next in line.
   */
  @Transactional
  public WaitlistView decline(long entryId, long userId) {
    Instant now = clock.instant();
    WaitlistEntry entry = ownLocked(entryId, userId);
    entry.decline(now);
    em.persist(new KeptSeats(entry.eventId(), entry.ticketTypeId(), entry.quantity(), now));
    return WaitlistView.of(entry, null);
  }

  /**
   * The user claims their offer: its seats, held for them, become a booking like any other (PENDING
   * until paid, or CONFIRMED when free). 404 for anyone else's entry, 409 OFFER_NOT_OPEN without an
   * open offer, 409 EVENT_NOT_ON_SALE once the event no longer sells. Locks the event row, then the
   * entry.
   */
  @Transactional
  public BookingView claim(long entryId, long userId) {
    Instant now = clock.instant();
    WaitlistEntry seen = em.find(WaitlistEntry.class, entryId);
    if (seen == null || seen.userId() != userId) {
      throw notFound();
    }
    SeatLock seats = inventory.lock(seen.eventId());
    // The entry's row after the event's, read afresh under its lock.
    em.refresh(seen, LockModeType.PESSIMISTIC_WRITE);
    WaitlistEntry entry = seen;
    entry.requireOpenOffer(now);
    BookingView booking = bookings.placeHeld(seats, userId, entry.ticketTypeId(), entry.quantity());
    entry.claim(booking.id(), now);
    metrics.claimed();
    claims.fire(new WaitlistClaimed(entryId, userId, entry.eventId(), booking.id()));
    audit.record(
        "waitlist.claimed", "waitlist_entry", Long.toString(entryId), "booking " + booking.id());
    return booking;
  }

  /**
   * The claim's payment could not be opened, and payments cancelled its booking (whose seats went
   * to the line, or on sale when nobody else waited): the entry is WAITING again in its old place,
   * and the seats on sale are kept for the line again, so the offer job offers them to it first.
   * Does nothing when the entry is no longer that booking's claim. Locks the event row, then the
   * entry.
   */
  @Transactional
  public void reopen(long entryId, long bookingId) {
    Instant now = clock.instant();
    WaitlistEntry entry = em.find(WaitlistEntry.class, entryId);
    if (entry == null) {
      return;
    }
    inventory.lock(entry.eventId());
    em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
    boolean liveAgain =
        !em.createQuery(LIVE_OF_TIER_AND_USER, WaitlistEntry.class)
            .setParameter("ticketTypeId", entry.ticketTypeId())
            .setParameter("userId", entry.userId())
            .getResultList()
            .isEmpty();
    if (entry.status() != WaitlistStatus.CLAIMED
        || !Long.valueOf(bookingId).equals(entry.bookingId())
        || liveAgain) {
      return;
    }
    entry.reopen(bookingId, now);
    em.flush();
    inventory.offerSeatsOnSale(entry.eventId());
  }

  /**
   * Closes the event's waiting lists for good (its organizer, who the caller checked): no one joins
   * any more, the people waiting are told, and seats kept for them go back to open sale with the
   * offer job's next run. Offers already made stay good until they run out.
   */
  @Transactional
  public int close(long eventId) {
    Instant now = clock.instant();
    if (isClosed(eventId)) {
      return 0;
    }
    em.persist(new ListClosure(eventId, ListClosure.Reason.ORGANIZER, now));
    List<WaitlistEntry> waiting =
        em.createNamedQuery(WaitlistEntry.WAITING_OF_EVENT, WaitlistEntry.class)
            .setParameter("eventId", eventId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (WaitlistEntry entry : waiting) {
      entry.close(now);
      closings.fire(new WaitlistClosed(entry.id(), entry.userId(), eventId, false));
    }
    audit.record("waitlist.closed", "event", Long.toString(eventId), waiting.size() + " waiting");
    return waiting.size();
  }

  /**
   * The event is being cancelled (inside the events feature's transaction, which holds the event
   * row): its lists close, everyone still in line is told, and offers end with it (their seats are
   * kept until the offer job gives them back, the event no longer being on sale).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onEventCancelled(@Observes EventCancelled cancelled) {
    Instant now = clock.instant();
    if (!isClosed(cancelled.eventId())) {
      em.persist(new ListClosure(cancelled.eventId(), ListClosure.Reason.EVENT_CANCELLED, now));
    }
    List<WaitlistEntry> live =
        em.createQuery(LIVE_OF_EVENT, WaitlistEntry.class)
            .setParameter("eventId", cancelled.eventId())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (WaitlistEntry entry : live) {
      if (entry.close(now)) {
        em.persist(new KeptSeats(entry.eventId(), entry.ticketTypeId(), entry.quantity(), now));
      }
      closings.fire(new WaitlistClosed(entry.id(), entry.userId(), entry.eventId(), true));
    }
  }

  /** Whether anyone waits for seats of the event: one indexed look, on every release of seats. */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean wants(long eventId) {
    return !em.createNamedQuery(WaitlistEntry.WAITING_OF_EVENT, WaitlistEntry.class)
        .setParameter("eventId", eventId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Seats of the tier are on sale again under the event row's lock: as many as the people waiting
   * still need (their seats less those already kept for them) are kept for the line; the rest go
   * back on open sale. Nothing is kept for a closed list.
   */
  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public int keep(long eventId, long ticketTypeId, int freed) {
    long demand =
        em.createNamedQuery(WaitlistEntry.DEMAND_OF_TIER, Number.class)
            .setParameter("ticketTypeId", ticketTypeId)
            .getSingleResult()
            .longValue();
    if (demand == 0 || isClosed(eventId)) {
      return 0;
    }
    long kept =
        em.createNamedQuery(KeptSeats.OF_TIER, Number.class)
            .setParameter("ticketTypeId", ticketTypeId)
            .getSingleResult()
            .longValue();
    int keep = (int) Math.min(freed, Math.max(0, demand - kept));
    if (keep > 0) {
      em.persist(new KeptSeats(eventId, ticketTypeId, keep, clock.instant()));
    }
    return keep;
  }

  /** Whether the event's lists are closed, in a short transaction of its own. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean closedNow(long eventId) {
    return isClosed(eventId);
  }

  boolean isClosed(long eventId) {
    return em.find(ListClosure.class, eventId) != null;
  }

  /** 1 + the WAITING entries of the same tier that joined before it. */
  long positionOf(WaitlistEntry entry) {
    return 1
        + em.createNamedQuery(WaitlistEntry.AHEAD, Long.class)
            .setParameter("ticketTypeId", entry.ticketTypeId())
            .setParameter("id", entry.id())
            .getSingleResult();
  }

  Duration offerTime() {
    return settings
        .offerSeconds
        .map(Duration::ofSeconds)
        .orElse(Duration.ofMinutes(settings.offerMinutes));
  }

  private WaitlistEntry ownLocked(long entryId, long userId) {
    WaitlistEntry entry = em.find(WaitlistEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || entry.userId() != userId) {
      throw notFound();
    }
    return entry;
  }

  private static DomainException notFound() {
    return DomainException.notFound(WAITLIST_ENTRY_NOT_FOUND, "No such waiting-list entry");
  }
}
