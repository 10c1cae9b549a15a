package org.boxoffice.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money going back for a payment: REQUESTED when booked (with the booking's change, in one
 * transaction), SUCCEEDED once the gateway took it. Its id is its idempotency key at the gateway,
 * so sending it again never refunds twice.
 */
@Entity
@Table(name = "refunds")
public class Refund {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payment_id", nullable = false)
  private long paymentId;

  @Column(name = "booking_id", nullable = false)
  private long bookingId;

  @Column(nullable = false)
  private BigDecimal amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RefundReason reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RefundStatus status;

  @Column(name = "gateway_refund_id")
  private String gatewayRefundId;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Refund() {}

  public static Refund requested(
      long paymentId, long bookingId, BigDecimal amount, RefundReason reason, Instant now) {
    Refund r = new Refund();
    r.paymentId = paymentId;
    r.bookingId = bookingId;
    r.amount = amount;
    r.reason = reason;
    r.status = RefundStatus.REQUESTED;
    r.createdAt = now;
    r.updatedAt = now;
    return r;
  }

  /** To be paid back by the organizer by hand: never sent to a gateway. */
  public static Refund byHand(
      long paymentId, long bookingId, BigDecimal amount, RefundReason reason, Instant now) {
    Refund r = requested(paymentId, bookingId, amount, reason, now);
    r.status = RefundStatus.MANUAL;
    return r;
  }

  /** Already refunded at the provider (a refund made there, reported by webhook). */
  public static Refund reported(
      long paymentId, long bookingId, BigDecimal amount, String gatewayId, Instant now) {
    Refund r = requested(paymentId, bookingId, amount, RefundReason.PROVIDER, now);
    r.succeeded(gatewayId, now);
    return r;
  }

  public void succeeded(String gatewayId, Instant now) {
    status = RefundStatus.SUCCEEDED;
    gatewayRefundId = gatewayId;
    updatedAt = now;
  }

  public void attemptFailed(Instant now) {
    attempts++;
    updatedAt = now;
  }

  public String idempotencyKey() {
    return "refund-" + id;
  }

  /** Nothing more to send: the gateway took it, or it is the organizer's to pay back by hand. */
  public boolean done() {
    return status != RefundStatus.REQUESTED;
  }

  public Long id() {
    return id;
  }

  public long paymentId() {
    return paymentId;
  }

  public long bookingId() {
    return bookingId;
  }

  public BigDecimal amount() {
    return amount;
  }

  public RefundStatus status() {
    return status;
  }
}
