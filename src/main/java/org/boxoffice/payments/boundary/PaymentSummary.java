package org.boxoffice.payments.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.PaymentStatus;

/**
 * The payment of a booking as its organizer sees it: what was paid, what went back and what can
 * still be refunded. Nothing is paid while the payment is still {@code REQUIRES_PAYMENT}.
 */
public record PaymentSummary(
    String status, BigDecimal paid, BigDecimal refunded, BigDecimal refundable, String currency)
    implements Serializable {
  static PaymentSummary of(Payment payment) {
    BigDecimal paid =
        payment.status() == PaymentStatus.REQUIRES_PAYMENT
            ? BigDecimal.ZERO.setScale(2)
            : payment.amount();
    BigDecimal refundable = payment.refundable();
    return new PaymentSummary(
        payment.status().name(), paid, paid.subtract(refundable), refundable, payment.currency());
  }
}
