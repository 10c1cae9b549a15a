package org.boxoffice.payments.entity;

/**
 * {@code REQUESTED} when booked, {@code SUCCEEDED} once the gateway took it; {@code MANUAL} when
 * the payment method can't be refunded through the gateway (an ECPay ATM transfer or store code):
 * the organizer pays it back by hand, and nothing is sent.
 */
public enum RefundStatus {
  REQUESTED,
  SUCCEEDED,
  MANUAL
}
