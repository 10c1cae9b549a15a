package org.boxoffice.events.boundary;

import static org.boxoffice.events.entity.EventErrors.TICKET_TYPE_NOT_FOUND;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.NotOnSale;
import org.boxoffice.events.entity.OrderLimitExceeded;
import org.boxoffice.events.entity.TicketType;
import org.boxoffice.platform.entity.DomainException;

/**
 * An event row locked by {@link SeatInventory#lock} for the rest of the caller's transaction: any
 * number of reservations can be taken under the one lock, each checked on its own. A refused
 * reservation changes nothing, so the others of the same transaction stand.
 */
public final class SeatLock {
  private final Event event;

  SeatLock(Event event) {
    this.event = event;
  }

  public long eventId() {
    return event.id();
  }

  /**
   * Checks, in order, without changing anything: the event is PUBLISHED and not started (409
   * EVENT_NOT_ON_SALE), the tier (404 TICKET_TYPE_NOT_FOUND; null only for a one-tier event, else
   * 400 on ticketTypeId), its sales window (409 EVENT_NOT_ON_SALE), quantity &lt;= the tier's
   * maxPerOrder (422 MAX_PER_ORDER_EXCEEDED), tier and event seats (409 SOLD_OUT, saying how many
   * are left, the tier's figure first as the more precise one). {@link #take} then takes them.
   */
  public Reservation check(Long ticketTypeId, int quantity, Instant now) {
    TicketType tier = orderable(ticketTypeId, quantity, now);
    tier.requireAvailable(quantity);
    event.requireAvailable(quantity);
    return new Reservation(
        event.id(),
        tier.id(),
        event.organizerId(),
        event.title(),
        event.startDate(),
        quantity,
        tier.price(),
        event.currency());
  }

  /**
   * The reservation of seats this lock's event already holds for the caller (a waiting-list offer
   * being claimed): the event must be on sale (409 EVENT_NOT_ON_SALE) and the tier its own (404
   * TICKET_TYPE_NOT_FOUND); nothing is taken, since the seats were never given back.
   */
  public Reservation held(long ticketTypeId, int quantity, Instant now) {
    if (!onSale(now)) {
      throw NotOnSale.event();
    }
    TicketType tier =
        event
            .ticketType(ticketTypeId)
            .orElseThrow(
                () -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    return new Reservation(
        event.id(),
        tier.id(),
        event.organizerId(),
        event.title(),
        event.startDate(),
        quantity,
        tier.price(),
        event.currency());
  }

  /**
   * What a waiting list needs to know of a tier: which it is, and how many seats it has on sale.
   */
  public record Wanted(long ticketTypeId, int onSale) {}

  /**
   * The checks of {@link #check} but the seats, in the same order and with the same refusals, for
   * someone who wants to wait for them: the tier, and the seats it has on sale now (its own and the
   * event's, whichever is fewer).
   */
  public Wanted wanted(Long ticketTypeId, int quantity, Instant now) {
    TicketType tier = orderable(ticketTypeId, quantity, now);
    return new Wanted(tier.id(), Math.min(tier.ownAvailable(), event.availableSeats()));
  }

  /** Whether the event sells seats at {@code now}: published and not started. */
  public boolean onSale(Instant now) {
    return event.status(now) == EventStatus.PUBLISHED && now.isBefore(event.startDate());
  }

  private TicketType orderable(Long ticketTypeId, int quantity, Instant now) {
    if (!onSale(now)) {
      throw NotOnSale.event();
    }
    TicketType tier = SeatInventory.tierOf(event.ticketTypes(), ticketTypeId, event::ticketType);
    if (!tier.onSale(now)) {
      throw NotOnSale.ticketType();
    }
    if (quantity > tier.maxPerOrder()) {
      throw new OrderLimitExceeded(tier.maxPerOrder());
    }
    return tier;
  }

  /** Takes the seats {@link #check} found, from the tier's and the event's counters. */
  public void take(Reservation reservation) {
    TicketType tier =
        event
            .ticketType(reservation.ticketTypeId())
            .orElseThrow(
                () -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    tier.reserve(reservation.quantity());
    event.reserve(reservation.quantity());
  }

  /** Gives seats back that this lock's transaction took or holds (a lapsed hold's expiry). */
  void release(long ticketTypeId, int quantity) {
    TicketType tier =
        event
            .ticketType(ticketTypeId)
            .orElseThrow(
                () -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    // A capacity edit may have left fewer seats taken than a booking gives back: clamp, never
    // raise a counter above its capacity.
    tier.release(Math.min(quantity, tier.taken()));
    event.release(Math.min(quantity, event.seatsTaken()));
  }

  /** The figures as this transaction leaves them, for {@link SeatInventory#remember}. */
  LiveFigures figures() {
    Map<Long, Integer> own = new HashMap<>();
    List<TicketType> tiers = event.ticketTypes();
    for (TicketType tier : tiers) {
      if (tier.ownAvailable() != Integer.MAX_VALUE) {
        own.put(tier.id(), tier.ownAvailable());
      }
    }
    return new LiveFigures(
        event.storedStatus(),
        event.availableSeats(),
        tiers.stream().map(TicketType::id).toList(),
        own);
  }
}
