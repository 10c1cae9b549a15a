package org.boxoffice.booking.boundary;

import java.math.BigDecimal;

/**
 * Fired synchronously inside the transaction that confirms a booking (a free booking when it is
 * placed, a paid one when its payment succeeds). Tickets and the confirmation email observe it, so
 * they are committed together with the confirmation or not at all.
 */
public record BookingConfirmed(
    long bookingId,
    long userId,
    long eventId,
    long organizerId,
    long ticketTypeId,
    int quantity,
    BigDecimal finalAmount,
    String currency) {}
