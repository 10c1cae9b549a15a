package org.boxoffice.payments.entity;

import static org.boxoffice.payments.entity.PaymentErrors.NOT_REFUNDABLE;
import static org.boxoffice.payments.entity.PaymentErrors.REFUND_TOO_LARGE;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/**
 * The payment of one booking: its intent at the gateway and how much of it went back. It never
 * refunds more than was paid.
 */
@Entity
@Table(name = "payments")
@NamedQuery(
    name = Payment.BY_INTENT,
    query = "SELECT p FROM Payment p WHERE p.intentId = :intentId")
@NamedQuery(
    name = Payment.BY_BOOKING,
    query = "SELECT p FROM Payment p WHERE p.bookingId = :bookingId")
public class Payment {
  public static final String BY_INTENT = "Payment.byIntent";
  public static final String BY_BOOKING = "Payment.byBooking";

  // From a sequence in blocks of 50 (migration V96): a batch of paid bookings' payments is one
  // batched INSERT.
  @Id
  @SequenceGenerator(name = "payment_ids", sequenceName = "payment_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_ids")
  private Long id;

  @Column(name = "booking_id", nullable = false)
  private long bookingId;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(nullable = false)
  private String provider;

  @Column(name = "intent_id", nullable = false)
  private String intentId;

  @Column(name = "client_secret")
  private String clientSecret;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(name = "refunded_amount", nullable = false)
  private BigDecimal refundedAmount;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PaymentStatus status;

  @Column(nullable = false)
  private int failures;

  /** The gateway's own number of the trade (ECPay's TradeNo), once it told us. */
  @Column(name = "gateway_trade_no")
  private String gatewayTradeNo;

  /** How the buyer paid (ECPay's PaymentType, e.g. Credit_CreditCard, ATM_TAISHIN), once known. */
  @Column(name = "payment_method")
  private String paymentMethod;

  @Column(name = "reconciled_at")
  private Instant reconciledAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Payment() {}

  public static Payment open(
      long bookingId,
      long userId,
      String provider,
      String intentId,
      String clientSecret,
      BigDecimal amount,
      String currency,
      Instant now) {
    Payment p = new Payment();
    p.bookingId = bookingId;
    p.userId = userId;
    p.provider = provider;
    p.intentId = intentId;
    p.clientSecret = clientSecret;
    p.amount = amount;
    p.refundedAmount = BigDecimal.ZERO.setScale(2);
    p.currency = currency;
    p.status = PaymentStatus.REQUIRES_PAYMENT;
    p.createdAt = now;
    p.updatedAt = now;
    return p;
  }

  /** The money arrived. Returns false when it had already (a repeated notice). */
  public boolean succeed(Instant now) {
    if (status != PaymentStatus.REQUIRES_PAYMENT) {
      return false;
    }
    status = PaymentStatus.SUCCEEDED;
    updatedAt = now;
    return true;
  }

  /**
   * The gateway told how this payment is (to be) paid: its trade number and method. Kept once the
   * money arrived, so a notification that comes late (a payment code issued, told after the payment
   * itself) can't change what was paid with.
   */
  public void recordGatewayTrade(String tradeNo, String method, Instant now) {
    if (status != PaymentStatus.REQUIRES_PAYMENT && paymentMethod != null) {
      return;
    }
    if (tradeNo != null && !tradeNo.isBlank()) {
      gatewayTradeNo = tradeNo;
    }
    if (method != null && !method.isBlank()) {
      paymentMethod = method;
    }
    updatedAt = now;
  }

  /**
   * Whether money going back must be paid by hand: ECPay refunds card payments only (its DoAction
   * API); an ATM transfer, a store code or a method not known is the organizer's to refund.
   */
  public boolean refundsByHand() {
    return "ecpay".equals(provider)
        && (paymentMethod == null || !paymentMethod.startsWith("Credit"));
  }

  /** Looked up at the gateway now (reconciliation), so no other replica asks again at once. */
  public void reconciled(Instant now) {
    reconciledAt = now;
  }

  public String gatewayTradeNo() {
    return gatewayTradeNo;
  }

  public String paymentMethod() {
    return paymentMethod;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** An attempt to pay failed; the customer may try again while the hold lasts. */
  public void recordFailure(Instant now) {
    failures++;
    updatedAt = now;
  }

  /** What is left to refund. */
  public BigDecimal refundable() {
    return status == PaymentStatus.REQUIRES_PAYMENT
        ? BigDecimal.ZERO.setScale(2)
        : amount.subtract(refundedAmount);
  }

  /**
   * Books a refund of {@code value} (null: all that is left): 409 NOT_REFUNDABLE unless paid and
   * not refunded in full, 422 REFUND_TOO_LARGE beyond what is left. Returns the amount.
   */
  public BigDecimal refund(BigDecimal value, Instant now) {
    BigDecimal left = refundable();
    if (left.signum() <= 0) {
      throw DomainException.conflict(NOT_REFUNDABLE, "Nothing of this payment is left to refund");
    }
    BigDecimal refund = value == null ? left : value.setScale(2);
    if (refund.compareTo(left) > 0) {
      throw DomainException.refused(
          REFUND_TOO_LARGE, "At most " + left.toPlainString() + " can be refunded");
    }
    refundedAmount = refundedAmount.add(refund);
    status =
        refundedAmount.compareTo(amount) == 0
            ? PaymentStatus.REFUNDED
            : PaymentStatus.PARTIALLY_REFUNDED;
    updatedAt = now;
    return refund;
  }

  /**
   * The provider says {@code total} has been refunded altogether (a refund made at its dashboard,
   * say): the record catches up, never goes back. Returns the amount newly refunded.
   */
  public BigDecimal reconcileRefunded(BigDecimal total, Instant now) {
    if (status == PaymentStatus.REQUIRES_PAYMENT || total.compareTo(refundedAmount) <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return refund(total.min(amount).subtract(refundedAmount), now);
  }

  public boolean fullyRefunded() {
    return status == PaymentStatus.REFUNDED;
  }

  public Long id() {
    return id;
  }

  public long bookingId() {
    return bookingId;
  }

  public long userId() {
    return userId;
  }

  public String provider() {
    return provider;
  }

  public String intentId() {
    return intentId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  public PaymentStatus status() {
    return status;
  }
}
