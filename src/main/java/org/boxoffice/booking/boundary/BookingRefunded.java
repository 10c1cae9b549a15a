package org.boxoffice.booking.boundary;

/**
 * Fired synchronously inside the transaction that moves a booking to REFUNDED (its seats went
 * back); tickets observe it to void the booking's tickets.
 */
public record BookingRefunded(long bookingId, long userId, long eventId) {}
