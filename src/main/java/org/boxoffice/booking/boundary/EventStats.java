package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * An event's figures for its organizer. {@code seatsSold}: seats of CONFIRMED bookings; {@code
 * seatsHeld}: seats of PENDING holds not yet run out; {@code revenue}: the final amounts of
 * CONFIRMED bookings; {@code checkedIn}: tickets checked in; {@code waitingEntries} and {@code
 * seatsWaiting}: the people on the event's waiting lists and the seats they want (a strong signal
 * for adding capacity).
 */
@JsonbPropertyOrder({
  "capacity",
  "seatsSold",
  "seatsHeld",
  "revenue",
  "currency",
  "checkedIn",
  "waitingEntries",
  "seatsWaiting"
})
public record EventStats(
    int capacity,
    long seatsSold,
    long seatsHeld,
    BigDecimal revenue,
    String currency,
    long checkedIn,
    long waitingEntries,
    long seatsWaiting)
    implements Serializable {}
