package org.boxoffice.payments.boundary;

import java.math.BigDecimal;

/**
 * Fired synchronously inside the transaction that books a refund. The refund email is queued by its
 * observer in that transaction; the money is sent back to the gateway after the commit. {@code
 * reason}: {@code ORGANIZER}, {@code CANCELLED} (booking or event cancelled) or {@code SEATS_GONE}
 * (paid after the hold lapsed and the seats were sold meanwhile).
 */
public record RefundBooked(
    long refundId,
    long bookingId,
    long userId,
    BigDecimal amount,
    String currency,
    String reason,
    boolean full) {}
