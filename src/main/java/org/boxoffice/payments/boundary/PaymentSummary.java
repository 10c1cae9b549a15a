package org.boxoffice.payments.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.PaymentStatus;

/**
 * The payment of a booking as its organizer sees it: what was paid, what went back and what can
 * still be refunded. Nothing is paid while the payment is still {@code REQUIRES_PAYMENT}. {@code
 * refundByHand} is the part of {@code refunded} the organizer must pay back themselves (refunds
 * booked MANUAL: an ECPay ATM transfer or store code, which ECPay can't refund); {@code method} is
 * how the buyer paid, when the gateway said.
 */
public record PaymentSummary(
    String status,
    BigDecimal paid,
    BigDecimal refunded,
    BigDecimal refundable,
    String currency,
    String provider,
    String method,
    BigDecimal refundByHand)
    implements Serializable {
  /** Whether some of the money is the organizer's to pay back by hand. */
  public boolean hasRefundByHand() {
    return refundByHand.signum() > 0;
  }

  static PaymentSummary of(Payment payment, BigDecimal refundByHand) {
    BigDecimal paid =
        payment.status() == PaymentStatus.REQUIRES_PAYMENT
            ? BigDecimal.ZERO.setScale(2)
            : payment.amount();
    BigDecimal refundable = payment.refundable();
    return new PaymentSummary(
        payment.status().name(),
        paid,
        paid.subtract(refundable),
        refundable,
        payment.currency(),
        payment.provider(),
        payment.paymentMethod(),
        refundByHand);
  }
}
