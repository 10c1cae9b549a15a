package org.boxoffice.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.boxoffice.events.entity.EventStatus;

/** One event in a list ({@code GET /events}, {@code GET /organizer/events}). */
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
  "organizerId"
})
public record EventSummary(
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
    long organizerId)
    implements Serializable {}
