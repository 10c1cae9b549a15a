package org.boxoffice.events.boundary;

import static org.boxoffice.events.entity.EventErrors.EVENT_NOT_FOUND;
import static org.boxoffice.events.entity.EventErrors.TICKET_TYPE_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.TicketType;
import org.boxoffice.platform.entity.DomainException;

/**
 * Seat inventory, changed only under the event row's lock, inside the CALLER's transaction. The
 * event row is the one lock for all of its tiers: whoever holds it may change any counter of the
 * event, so two bookings for different tiers of one event can never oversell the event.
 */
@ApplicationScoped
public class SeatInventory {
  @PersistenceContext EntityManager em;
  @Inject EventCache cache;
  @Inject EventReads reads;
  @Inject Instance<SeatClaims> claims;
  @Inject Clock clock;

  /**
   * The seats left as this server last saw them, at most the live-figure window old ({@code
   * boxoffice.events.live.cache.millis}, 1 s), for a refusal that needs no lock: no transaction
   * when the figures are in memory, one short one when they are not. Throws 404 EVENT_NOT_FOUND
   * (also for drafts), 404 TICKET_TYPE_NOT_FOUND (unknown tier or another event's tier).
   * ticketTypeId may be null only when the event has exactly one tier (else 400 VALIDATION_FAILED,
   * field ticketTypeId).
   */
  public Availability peek(long eventId, Long ticketTypeId) {
    LiveFigures live = cache.live(eventId, reads::live);
    if (live == null || live.status() == EventStatus.DRAFT) {
      throw notFound();
    }
    long tier =
        tierOf(
            live.tierIds(),
            ticketTypeId,
            id -> live.tierIds().contains(id) ? Optional.of(id) : Optional.empty());
    return new Availability(
        eventId, live.status(), live.availableSeats(), tier, live.tierAvailable(tier));
  }

  /**
   * Locks the event row (PESSIMISTIC_WRITE = SELECT ... FOR UPDATE) for any number of reservations
   * in the caller's transaction; 404 EVENT_NOT_FOUND for unknown events and drafts. It must be the
   * transaction's first read of the event, so that the row it locks is the row it reads.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public SeatLock lock(long eventId) {
    Event event =
        em.createNamedQuery(Event.LOCK, Event.class)
            .setParameter("id", eventId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (event == null || event.storedStatus() == EventStatus.DRAFT) {
      throw notFound();
    }
    return new SeatLock(event);
  }

  /**
   * Keeps the figures a committed transaction left under {@code lock} as this server's live
   * figures: the next refusals are answered from them without asking the database.
   */
  public void remember(SeatLock lock) {
    cache.remember(lock.eventId(), lock.figures());
  }

  /**
   * Takes the seats of a booking again whose hold lapsed before its payment arrived: locks the
   * event row and takes them when the event is still on sale (published, not started) and both the
   * tier and the event have them; false, with nothing changed, otherwise. It refuses by answer, not
   * by exception, because the caller's transaction (the payment's) must commit either way. The
   * tier's sales window and per-order limit are not checked again: the booking met them when it was
   * made.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean retake(long eventId, long ticketTypeId, int quantity, Instant now) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null
        || event.status(now) != EventStatus.PUBLISHED
        || !now.isBefore(event.startDate())) {
      return false;
    }
    TicketType tier = event.ticketType(ticketTypeId).orElse(null);
    if (tier == null
        || quantity < 1
        || quantity > tier.ownAvailable()
        || quantity > event.availableSeats()) {
      return false;
    }
    tier.reserve(quantity);
    event.reserve(quantity);
    cache.forgetLive(eventId);
    return true;
  }

  /**
   * Locks the event row and gives seats back to the tier and the event (expiry, cancellation,
   * refund). Never raises availability above capacity. While the event is on sale, the {@link
   * SeatClaims} (the waiting list) then keep what they want of the seats now on sale, in this
   * transaction: those are taken again before anyone else can book them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void release(long eventId, long ticketTypeId, int quantity) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null) {
      throw notFound();
    }
    new SeatLock(event).release(ticketTypeId, quantity);
    offerNewSeats(event);
    cache.forgetLive(eventId);
  }

  /**
   * Gives seats a {@link SeatClaims} kept back to open sale (nobody it kept them for wants them any
   * more), under the event row's lock, without asking the claims again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void releaseKept(long eventId, long ticketTypeId, int quantity) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null) {
      throw notFound();
    }
    new SeatLock(event).release(ticketTypeId, quantity);
    cache.forgetLive(eventId);
  }

  /**
   * Locks the event row (or finds it locked by the caller already) and lets the {@link SeatClaims}
   * keep what they want of the seats on sale now: someone started waiting again (a claim whose
   * payment could not be opened).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void offerSeatsOnSale(long eventId) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null) {
      throw notFound();
    }
    offerNewSeats(event);
    cache.forgetLive(eventId);
  }

  /**
   * Seats on open sale after seats came back or a change of capacity or tier quantities (under the
   * event row's lock, in that transaction): the {@link SeatClaims} keep what they want of each
   * tier's, which are taken from the counters at once. Every tier is asked, since tiers share the
   * event's capacity: a seat given back through one may be the seat another's line waits for.
   */
  void offerNewSeats(Event event) {
    if (event.availableSeats() == 0 || !onSale(event) || !anyoneWaits(event.id())) {
      return;
    }
    for (TicketType tier : event.ticketTypes()) {
      int free = Math.min(tier.ownAvailable(), event.availableSeats());
      if (tier.id() != null && free > 0) {
        int kept = kept(event.id(), tier.id(), free);
        if (kept > 0) {
          tier.reserve(kept);
          event.reserve(kept);
        }
      }
    }
  }

  private boolean anyoneWaits(long eventId) {
    for (SeatClaims claim : claims) {
      if (claim.wants(eventId)) {
        return true;
      }
    }
    return false;
  }

  private boolean onSale(Event event) {
    Instant now = clock.instant();
    return event.status(now) == EventStatus.PUBLISHED && now.isBefore(event.startDate());
  }

  private int kept(long eventId, long ticketTypeId, int freed) {
    int left = freed;
    for (SeatClaims claim : claims) {
      left -= Math.max(0, Math.min(left, claim.keep(eventId, ticketTypeId, left)));
    }
    return freed - left;
  }

  /** The tier asked for, or the event's only tier when none was named. */
  static <T> T tierOf(List<T> tiers, Long ticketTypeId, LongFunction<Optional<T>> byId) {
    if (ticketTypeId == null) {
      if (tiers.size() != 1) {
        throw DomainException.invalid(
            "ticketTypeId", "is required: this event has " + tiers.size() + " ticket types");
      }
      return tiers.get(0);
    }
    return byId.apply(ticketTypeId)
        .orElseThrow(() -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
  }

  private static DomainException notFound() {
    return DomainException.notFound(EVENT_NOT_FOUND, "No such event");
  }
}
