package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * An event's figures for its organizer. {@code seatsSold}: seats of CONFIRMED bookings; {@code
 * seatsHeld}: seats of PENDING holds not yet run out; {@code revenue}: the final amounts of
 * CONFIRMED bookings; {@code checkedIn}: 0 until the tickets feature exists.
 */
@JsonbPropertyOrder({"capacity", "seatsSold", "seatsHeld", "revenue", "currency", "checkedIn"})
public record EventStats(
    int capacity,
    long seatsSold,
    long seatsHeld,
    BigDecimal revenue,
    String currency,
    long checkedIn)
    implements Serializable {}
