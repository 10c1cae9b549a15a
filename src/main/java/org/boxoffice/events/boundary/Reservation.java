package org.boxoffice.events.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/** Seats taken by {@link SeatInventory#reserve}, with what the booking needs to price them. */
public record Reservation(
    long eventId,
    long ticketTypeId,
    long organizerId,
    String eventTitle,
    Instant eventStart,
    int quantity,
    BigDecimal unitPrice,
    String currency) {}
