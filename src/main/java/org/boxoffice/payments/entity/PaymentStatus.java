package org.boxoffice.payments.entity;

/** {@code REQUIRES_PAYMENT → SUCCEEDED → PARTIALLY_REFUNDED → REFUNDED}. */
public enum PaymentStatus {
  REQUIRES_PAYMENT,
  SUCCEEDED,
  PARTIALLY_REFUNDED,
  REFUNDED
}
