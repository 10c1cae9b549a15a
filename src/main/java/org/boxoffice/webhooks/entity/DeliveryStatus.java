package org.boxoffice.webhooks.entity;

/** {@code PENDING → DELIVERED | DEAD}. */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  DEAD
}
