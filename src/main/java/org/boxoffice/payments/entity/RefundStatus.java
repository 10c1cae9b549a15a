package org.boxoffice.payments.entity;

/** {@code REQUESTED} when booked, {@code SUCCEEDED} once the gateway took it. */
public enum RefundStatus {
  REQUESTED,
  SUCCEEDED
}
