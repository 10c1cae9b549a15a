package org.boxoffice.payments.boundary;

import java.math.BigDecimal;

/**
 * Fired synchronously inside the transaction that books a refund. The refund email is queued by its
 * observer in that transaction; the money is sent back to the gateway after the commit. {@code
 * reason}: {@code ORGANIZER}, {@code CANCELLED} (booking cancelled), {@code EVENT_CANCELLED}, or,
 * for a payment that arrived after its hold lapsed, {@code SEATS_GONE} (sold meanwhile, or the
 * event no longer on sale), {@code COUPON_USED_UP} (its coupon's last use went to another booking)
 * or {@code BOOKING_CLOSED} (the booking had been cancelled meanwhile).
 */
public record RefundBooked(
    long refundId,
    long bookingId,
    long userId,
    BigDecimal amount,
    String currency,
    String reason,
    boolean full) {}
