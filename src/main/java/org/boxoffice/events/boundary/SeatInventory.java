package org.boxoffice.events.boundary;

import static org.boxoffice.events.entity.EventErrors.EVENT_NOT_FOUND;
import static org.boxoffice.events.entity.EventErrors.EVENT_NOT_ON_SALE;
import static org.boxoffice.events.entity.EventErrors.TICKET_TYPE_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.TicketType;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.boundary.Envelope;

/**
 * Seat inventory, changed only under the event row's lock, inside the CALLER's transaction. The
 * event row is the one lock for all of its tiers: whoever holds it may change any counter of the
 * event, so two bookings for different tiers of one event can never oversell the event.
 */
@ApplicationScoped
public class SeatInventory {
  private static final String WITH_TIERS =
      "SELECT e FROM Event e LEFT JOIN FETCH e.ticketTypes WHERE e.id = :id";

  @PersistenceContext EntityManager em;

  /**
   * No lock, no transaction needed: the current figures, for a cheap sold-out refusal. Throws 404
   * EVENT_NOT_FOUND (also for drafts), 404 TICKET_TYPE_NOT_FOUND (unknown tier or another event's
   * tier). ticketTypeId may be null only when the event has exactly one tier (else 400
   * VALIDATION_FAILED, field ticketTypeId).
   */
  public Availability peek(long eventId, Long ticketTypeId) {
    // One round trip for the event and its tiers: this runs before every booking and refusal.
    Event event =
        em.createQuery(WITH_TIERS, Event.class)
            .setParameter("id", eventId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (event == null || event.storedStatus() == EventStatus.DRAFT) {
      throw notFound();
    }
    TicketType tier = tierOf(event, ticketTypeId);
    return new Availability(
        eventId,
        event.storedStatus().name(),
        event.availableSeats(),
        tier.id(),
        Math.min(tier.ownAvailable(), event.availableSeats()));
  }

  /**
   * Locks the event row (PESSIMISTIC_WRITE = SELECT ... FOR UPDATE) and then checks, in order:
   * event exists and is PUBLISHED (404 EVENT_NOT_FOUND for drafts/unknown, 409 EVENT_NOT_ON_SALE
   * for CANCELLED/COMPLETED or start passed), the tier (404 TICKET_TYPE_NOT_FOUND), the tier's
   * sales window (409 EVENT_NOT_ON_SALE), quantity &lt;= tier maxPerOrder (422
   * MAX_PER_ORDER_EXCEEDED with details field "quantity"), tier and event availability (409
   * SOLD_OUT, message says how many are left, details field "quantity"); then decrements both via
   * the entities' own reserve(quantity) methods.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Reservation reserve(long eventId, Long ticketTypeId, int quantity, Instant now) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null || event.storedStatus() == EventStatus.DRAFT) {
      throw notFound();
    }
    if (event.status(now) != EventStatus.PUBLISHED || !now.isBefore(event.startDate())) {
      throw ApiException.conflict(EVENT_NOT_ON_SALE, "This event is not on sale");
    }
    TicketType tier = tierOf(event, ticketTypeId);
    if (!tier.onSale(now)) {
      throw ApiException.conflict(EVENT_NOT_ON_SALE, "This ticket type is not on sale now");
    }
    if (quantity > tier.maxPerOrder()) {
      throw new ApiException(
          422,
          EventErrors.MAX_PER_ORDER_EXCEEDED,
          "At most " + tier.maxPerOrder() + " tickets per order",
          List.of(new Envelope.FieldError("quantity", "must be at most " + tier.maxPerOrder())));
    }
    // Tier first: its message is the more precise one when both are short.
    tier.reserve(quantity);
    event.reserve(quantity);
    return new Reservation(
        eventId,
        tier.id(),
        event.organizerId(),
        event.title(),
        event.startDate(),
        quantity,
        tier.price(),
        event.currency());
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
    return true;
  }

  /**
   * Locks the event row and gives seats back to the tier and the event (expiry, cancellation,
   * refund). Never raises availability above capacity.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void release(long eventId, long ticketTypeId, int quantity) {
    Event event = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (event == null) {
      throw notFound();
    }
    TicketType tier =
        event
            .ticketType(ticketTypeId)
            .orElseThrow(() -> ApiException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    // A capacity edit may have left fewer seats taken than a booking gives back: clamp, never
    // raise a counter above its capacity.
    tier.release(Math.min(quantity, tier.taken()));
    event.release(Math.min(quantity, event.seatsTaken()));
  }

  private static TicketType tierOf(Event event, Long ticketTypeId) {
    if (ticketTypeId == null) {
      List<TicketType> tiers = event.ticketTypes();
      if (tiers.size() != 1) {
        throw ApiException.invalid(
            "ticketTypeId", "is required: this event has " + tiers.size() + " ticket types");
      }
      return tiers.get(0);
    }
    return event
        .ticketType(ticketTypeId)
        .orElseThrow(() -> ApiException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
  }

  private static ApiException notFound() {
    return ApiException.notFound(EVENT_NOT_FOUND, "No such event");
  }
}
