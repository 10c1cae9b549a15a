package org.boxoffice.waitlist.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.waitlist.entity.WaitlistEntry;
import org.boxoffice.waitlist.entity.WaitlistStatus;

/**
 * An entry as its owner (or the event's organizer) sees it. {@code position}: 1 for the first in
 * line, counting only WAITING entries of the same ticket type; null unless WAITING. {@code
 * offerExpiresAt}: until when an OFFERED entry's seats are held; {@code bookingId}: the booking a
 * CLAIMED offer became.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id",
  "eventId",
  "ticketTypeId",
  "quantity",
  "status",
  "position",
  "offerExpiresAt",
  "bookingId",
  "joinedAt"
})
public record WaitlistView(
    long id,
    long eventId,
    long ticketTypeId,
    int quantity,
    WaitlistStatus status,
    Long position,
    OffsetDateTime offerExpiresAt,
    Long bookingId,
    OffsetDateTime joinedAt)
    implements Serializable {

  static WaitlistView of(WaitlistEntry e, Long position) {
    return new WaitlistView(
        e.id(),
        e.eventId(),
        e.ticketTypeId(),
        e.quantity(),
        e.status(),
        e.status() == WaitlistStatus.WAITING ? position : null,
        e.status() == WaitlistStatus.OFFERED ? utc(e.offerExpiresAt()) : null,
        e.bookingId(),
        utc(e.joinedAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
