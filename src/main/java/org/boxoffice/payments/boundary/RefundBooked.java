package org.boxoffice.payments.boundary;

import java.math.BigDecimal;
import org.boxoffice.payments.entity.RefundReason;

/**
 * Fired synchronously inside the transaction that books a refund. The refund email is queued by its
 * observer in that transaction; the money is sent back to the gateway after the commit.
 */
public record RefundBooked(
    long refundId,
    long bookingId,
    long userId,
    BigDecimal amount,
    String currency,
    RefundReason reason,
    boolean full,
    boolean byHand) {}
