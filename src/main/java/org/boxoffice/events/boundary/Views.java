package org.boxoffice.events.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.boxoffice.events.entity.Event;

/** Entity to DTO, with times in the event's own zone. */
final class Views {
  private Views() {}

  static EventView of(Event event, Instant now, EventImageLinks images) {
    ZoneId zone = ZoneId.of(event.timeZone());
    List<TicketTypeView> tiers =
        event.ticketTypes().stream()
            .map(
                t ->
                    new TicketTypeView(
                        t.id(),
                        t.name(),
                        t.price(),
                        t.quantity(),
                        Math.min(t.ownAvailable(), event.availableSeats()),
                        at(t.salesStart(), zone),
                        at(t.salesEnd(), zone),
                        t.maxPerOrder(),
                        t.closed()))
            .toList();
    return new EventView(
        event.id(),
        event.title(),
        event.description(),
        event.location(),
        at(event.startDate(), zone),
        at(event.endDate(), zone),
        event.timeZone(),
        event.status(now),
        event.capacity(),
        event.availableSeats(),
        event.currency(),
        event.paymentGateway(),
        event.organizerId(),
        tiers,
        images.of(event.id()).orElse(null),
        at(event.createdAt(), zone),
        at(event.updatedAt(), zone));
  }

  static EventSummary summary(Event event, Instant now) {
    ZoneId zone = ZoneId.of(event.timeZone());
    return new EventSummary(
        event.id(),
        event.title(),
        event.description(),
        event.location(),
        at(event.startDate(), zone),
        at(event.endDate(), zone),
        event.timeZone(),
        event.status(now),
        event.capacity(),
        event.availableSeats(),
        event.currency(),
        event.organizerId());
  }

  static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
