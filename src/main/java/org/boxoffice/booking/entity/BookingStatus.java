package org.boxoffice.booking.entity;

/**
 * {@code PENDING → CONFIRMED → CANCELLED | REFUNDED}, {@code PENDING → EXPIRED | CANCELLED}. A
 * PENDING or CONFIRMED booking holds its seats; the others gave them back.
 */
public enum BookingStatus {
  PENDING,
  CONFIRMED,
  CANCELLED,
  EXPIRED,
  REFUNDED;

  public boolean holdsSeats() {
    return this == PENDING || this == CONFIRMED;
  }
}
