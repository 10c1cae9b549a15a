package org.boxoffice.payments.entity;

/** Why money goes back; the refund email tells the buyer in these terms. */
public enum RefundReason {
  /** The organizer refunded the booking, in full or in part. */
  ORGANIZER,
  /** The booking was cancelled, by its booker or its organizer. */
  CANCELLED,
  /** The organizer cancelled the whole event. */
  EVENT_CANCELLED,
  /** A payment that arrived after its hold lapsed: the seats were sold, or sales ended. */
  SEATS_GONE,
  /** A late payment whose coupon's last use went to another booking meanwhile. */
  COUPON_USED_UP,
  /** A late payment for a booking cancelled meanwhile. */
  BOOKING_CLOSED,
  /** Refunded at the payment provider itself and reported by webhook. */
  PROVIDER;

  /** The booking was cancelled with this refund, so its seats went back already. */
  public boolean withCancellation() {
    return this == CANCELLED || this == EVENT_CANCELLED;
  }
}
