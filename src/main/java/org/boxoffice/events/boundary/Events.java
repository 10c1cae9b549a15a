package org.boxoffice.events.boundary;

import static org.boxoffice.events.entity.EventErrors.EVENT_NOT_FOUND;
import static org.boxoffice.events.entity.EventErrors.TICKET_TYPE_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.events.entity.TicketType;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;

/**
 * The events boundary service: creating, editing, publishing and cancelling events. Transactions
 * begin and end here. An organizer's event is found only by its organizer: anyone else gets 404.
 */
@ApplicationScoped
public class Events {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject EventCache cache;
  @Inject EventImageLinks images;
  @Inject SeatInventory inventory;
  @Inject PaymentGatewayRules gatewayRules;
  @Inject jakarta.enterprise.event.Event<EventCancelled> cancellations;
  @Inject jakarta.enterprise.event.Event<EventUpdated> updates;

  /** Creates a DRAFT event with its ticket types for the organizer. */
  @Transactional
  public EventView create(long organizerId, CreateEventRequest request) {
    Instant now = clock.instant();
    checkCurrency(request.currency());
    PaymentGatewayChoice gateway = gatewayChoice(request.paymentGateway(), request.currency());
    Event event =
        new Event(
            organizerId,
            request.title().strip(),
            request.description(),
            request.location().strip(),
            request.startDate().toInstant(),
            request.endDate().toInstant(),
            zoneOf(request.timeZone(), request.startDate()),
            request.capacity(),
            request.currency(),
            now);
    event.choosePaymentGateway(gateway);
    List<TicketTypeRequest> tiers = request.ticketTypes();
    for (int i = 0; i < tiers.size(); i++) {
      String field = "ticketTypes[" + i + "]";
      event.addTicketType(terms(tiers.get(i), field), field);
    }
    em.persist(event);
    em.flush();
    return Views.of(event, now, images);
  }

  /** {@code DRAFT → PUBLISHED}; 409 when not a draft, 422 when the start has passed. */
  @Transactional
  public EventView publish(long eventId, long organizerId) {
    Instant now = clock.instant();
    Event event = owned(eventId, organizerId, LockModeType.NONE);
    event.publish(now);
    cache.invalidate(eventId);
    return Views.of(event, now, images);
  }

  /**
   * Cancels the event and, in the same transaction, tells booking ({@link EventCancelled}) so every
   * booking is cancelled and refunded with it. A second cancel answers the same state and fires
   * nothing.
   */
  @Transactional
  public EventView cancel(long eventId, long organizerId) {
    Instant now = clock.instant();
    // The lock orders the cancel after any booking in flight for this event.
    Event event = owned(eventId, organizerId, LockModeType.PESSIMISTIC_WRITE);
    if (event.cancel(now)) {
      cache.invalidate(eventId);
      cancellations.fire(new EventCancelled(eventId, organizerId));
      audit.record("event.cancelled", "event", Long.toString(eventId), null);
    }
    return Views.of(event, now, images);
  }

  /**
   * Partial update. Changes to seats (capacity, tier quantities) take the event row's lock, so they
   * cannot race a booking; other edits rely on the row's version and answer 409 EDIT_CONFLICT when
   * someone else changed the event first.
   */
  @Transactional
  public EventView update(long eventId, long organizerId, UpdateEventRequest request) {
    Instant now = clock.instant();
    boolean seatsChange =
        request.capacity() != null
            || (request.ticketTypes() != null
                && request.ticketTypes().stream().anyMatch(t -> t.quantity() != null))
            || request.addTicketTypes() != null;
    Event event =
        owned(
            eventId, organizerId, seatsChange ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
    event.requireEditable(now);
    event.describe(strip(request.title()), request.description(), strip(request.location()));
    if (request.paymentGateway() != null) {
      event.choosePaymentGateway(gatewayChoice(request.paymentGateway(), event.currency()));
    }
    if (request.startDate() != null || request.endDate() != null || request.timeZone() != null) {
      ZoneId current = ZoneId.of(event.timeZone());
      Instant start =
          request.startDate() != null ? request.startDate().toInstant() : event.startDate();
      Instant end = request.endDate() != null ? request.endDate().toInstant() : event.endDate();
      String zone =
          request.timeZone() != null || request.startDate() != null
              ? zoneOf(
                  request.timeZone(),
                  request.startDate() != null
                      ? request.startDate()
                      : event.startDate().atZone(current).toOffsetDateTime())
              : event.timeZone();
      event.schedule(start, end, zone);
    }
    if (request.capacity() != null) {
      event.changeCapacity(request.capacity());
    }
    if (request.ticketTypes() != null) {
      for (int i = 0; i < request.ticketTypes().size(); i++) {
        change(event, request.ticketTypes().get(i), "ticketTypes[" + i + "]");
      }
    }
    if (request.addTicketTypes() != null) {
      for (int i = 0; i < request.addTicketTypes().size(); i++) {
        String field = "addTicketTypes[" + i + "]";
        event.addTicketType(terms(request.addTicketTypes().get(i), field), field);
      }
    }
    if (seatsChange) {
      // Seats that came on sale go to the people waiting for them first, under this lock.
      inventory.offerNewSeats(event);
    }
    event.touch(now);
    flushOrConflict();
    cache.invalidate(eventId);
    updates.fire(new EventUpdated(eventId, organizerId));
    return Views.of(event, now, images);
  }

  /** Deletes a tier that never sold a seat; 409 TICKET_TYPE_HAS_SALES otherwise (close it). */
  @Transactional
  public EventView deleteTicketType(long eventId, long organizerId, long ticketTypeId) {
    Instant now = clock.instant();
    Event event = owned(eventId, organizerId, LockModeType.PESSIMISTIC_WRITE);
    event.requireEditable(now);
    TicketType tier =
        event
            .ticketType(ticketTypeId)
            .orElseThrow(
                () -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    event.removeTicketType(tier);
    event.touch(now);
    flushOrConflict();
    cache.invalidate(eventId);
    return Views.of(event, now, images);
  }

  /** 404 EVENT_NOT_FOUND unless the event exists and belongs to the organizer. */
  @Transactional
  public OwnedEvent requireOwned(long eventId, long organizerId) {
    Event event = owned(eventId, organizerId, LockModeType.NONE);
    return new OwnedEvent(
        event.id(),
        event.organizerId(),
        event.title(),
        event.currency(),
        event.capacity(),
        event.status(clock.instant()));
  }

  /**
   * The event's image changed (media): its cached view goes, here now and on commit, so the next
   * read shows the new image's URLs.
   */
  public void imageChanged(long eventId) {
    cache.invalidate(eventId);
  }

  /**
   * Of the given events, those that will never be shown again: cancelled, or no longer there. The
   * media sweep deletes their images.
   */
  @Transactional
  public Set<Long> gone(Collection<Long> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    Set<Long> gone = new HashSet<>(eventIds);
    gone.removeAll(
        em.createQuery(
                "SELECT e.id FROM Event e WHERE e.id IN :ids AND e.status <> :cancelled",
                Long.class)
            .setParameter("ids", eventIds)
            .setParameter("cancelled", EventStatus.CANCELLED)
            .getResultList());
    return gone;
  }

  /** Of the given events, those not cancelled that have not ended yet. */
  @Transactional(Transactional.TxType.REQUIRED)
  public Set<Long> upcoming(Collection<Long> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "SELECT e.id FROM Event e WHERE e.id IN :ids AND e.status <> :cancelled"
                    + " AND e.endDate > :now",
                Long.class)
            .setParameter("ids", eventIds)
            .setParameter("cancelled", EventStatus.CANCELLED)
            .setParameter("now", clock.instant())
            .getResultList());
  }

  private Event owned(long eventId, long organizerId, LockModeType lock) {
    Event event = em.find(Event.class, eventId, lock);
    if (event == null || event.organizerId() != organizerId) {
      throw DomainException.notFound(EVENT_NOT_FOUND, "No such event");
    }
    return event;
  }

  private static void change(Event event, TicketTypeChange change, String field) {
    TicketType tier =
        event
            .ticketType(change.id())
            .orElseThrow(
                () -> DomainException.notFound(TICKET_TYPE_NOT_FOUND, "No such ticket type"));
    if (change.name() != null) {
      tier.rename(change.name().strip());
    }
    if (change.price() != null) {
      tier.reprice(change.price());
    }
    if (change.quantity() != null) {
      tier.changeQuantity(change.quantity(), field + ".quantity");
    }
    if (change.salesStart() != null || change.salesEnd() != null) {
      Instant start =
          change.salesStart() != null ? change.salesStart().toInstant() : tier.salesStart();
      Instant end = change.salesEnd() != null ? change.salesEnd().toInstant() : tier.salesEnd();
      checkWindow(start, end, field);
      tier.changeSalesWindow(start, end);
    }
    if (change.maxPerOrder() != null) {
      tier.changeMaxPerOrder(change.maxPerOrder());
    }
    if (Boolean.TRUE.equals(change.closed())) {
      tier.close();
    } else if (Boolean.FALSE.equals(change.closed())) {
      tier.reopen();
    }
  }

  private static TicketType.Terms terms(TicketTypeRequest tier, String field) {
    Instant start = tier.salesStart() == null ? null : tier.salesStart().toInstant();
    Instant end = tier.salesEnd() == null ? null : tier.salesEnd().toInstant();
    checkWindow(start, end, field);
    return new TicketType.Terms(
        tier.name().strip(), tier.price(), tier.quantity(), start, end, tier.maxPerOrder());
  }

  private static void checkWindow(Instant start, Instant end, String field) {
    if (start != null && end != null && !end.isAfter(start)) {
      throw DomainException.invalid(field + ".salesEnd", "must be after salesStart");
    }
  }

  /**
   * The organizer's choice of gateway ({@code AUTO} when none is given); 400 on {@code
   * paymentGateway} when this server cannot take the event's currency through it.
   */
  private PaymentGatewayChoice gatewayChoice(String requested, String currency) {
    PaymentGatewayChoice choice =
        requested == null ? PaymentGatewayChoice.AUTO : PaymentGatewayChoice.valueOf(requested);
    gatewayRules
        .refusal(choice, currency)
        .ifPresent(
            reason -> {
              throw DomainException.invalid("paymentGateway", reason);
            });
    return choice;
  }

  private static void checkCurrency(String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("currency", "is not an ISO-4217 currency code");
    }
  }

  /** The IANA zone given, or the start's own offset when none is. */
  static String zoneOf(String timeZone, OffsetDateTime start) {
    if (timeZone == null || timeZone.isBlank()) {
      return start.getOffset().getId();
    }
    try {
      return ZoneId.of(timeZone.strip()).getId();
    } catch (DateTimeException e) {
      throw DomainException.invalid("timeZone", "must be an IANA time zone such as Europe/Paris");
    }
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private void flushOrConflict() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw conflict();
    } catch (PersistenceException e) {
      if (Failures.find(e, OptimisticLockException.class).isPresent()) {
        throw conflict();
      }
      throw e;
    }
  }

  private static DomainException conflict() {
    return DomainException.conflict(
        EventErrors.EDIT_CONFLICT, "The event was changed at the same time; reload and retry");
  }
}
