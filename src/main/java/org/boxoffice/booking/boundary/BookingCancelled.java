package org.boxoffice.booking.boundary;

import java.math.BigDecimal;
import org.boxoffice.booking.entity.BookingStatus;

/**
 * Fired synchronously inside the transaction that cancels a booking, after its seats and coupon use
 * went back. The hook for refunds: a booking that was CONFIRMED with {@code finalAmount > 0} was
 * paid, and the payments feature observes this event to refund it (after commit, outside any lock).
 */
public record BookingCancelled(
    long bookingId,
    long userId,
    long eventId,
    BookingStatus previousStatus,
    BigDecimal finalAmount,
    String currency,
    boolean withEvent) {}
