package org.boxoffice.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.PaymentGatewayChoice;

/**
 * {@code GET /events/{id}}. Times are in the event's own time zone. The description is plain text
 * exactly as the organizer wrote it, never HTML. {@code image} is absent when the event has none.
 * {@code paymentGateway} is the organizer's choice of gateway ({@code AUTO}: the currency decides).
 */
@JsonbPropertyOrder({
  "id",
  "title",
  "description",
  "location",
  "startDate",
  "endDate",
  "timeZone",
  "status",
  "capacity",
  "availableSeats",
  "currency",
  "paymentGateway",
  "organizerId",
  "ticketTypes",
  "image",
  "createdAt",
  "updatedAt"
})
public record EventView(
    long id,
    String title,
    String description,
    String location,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    String timeZone,
    EventStatus status,
    int capacity,
    int availableSeats,
    String currency,
    PaymentGatewayChoice paymentGateway,
    long organizerId,
    List<TicketTypeView> ticketTypes,
    EventImageView image,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt)
    implements Serializable {

  EventView live(EventStatus liveStatus, int seats, List<TicketTypeView> tiers) {
    return new EventView(
        id,
        title,
        description,
        location,
        startDate,
        endDate,
        timeZone,
        liveStatus,
        capacity,
        seats,
        currency,
        paymentGateway,
        organizerId,
        tiers,
        image,
        createdAt,
        updatedAt);
  }
}
