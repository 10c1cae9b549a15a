package org.boxoffice.booking.entity;

/** The error codes the booking feature answers with. */
public final class BookingErrors {
  public static final String BOOKING_NOT_FOUND = "BOOKING_NOT_FOUND";
  public static final String BOOKING_NOT_CANCELLABLE = "BOOKING_NOT_CANCELLABLE";
  public static final String BOOKING_NOT_CONFIRMABLE = "BOOKING_NOT_CONFIRMABLE";
  public static final String BOOKING_NOT_PENDING = "BOOKING_NOT_PENDING";
  public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
  public static final String IDEMPOTENCY_IN_PROGRESS = "IDEMPOTENCY_IN_PROGRESS";

  private BookingErrors() {}
}
