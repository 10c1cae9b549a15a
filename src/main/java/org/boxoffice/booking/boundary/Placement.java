package org.boxoffice.booking.boundary;

/**
 * What became of one {@link BookingOrder}: its booking, or the refusal or failure to answer with.
 * {@code answerStored} says whether its Idempotency-Key record already holds this answer.
 */
record Placement(BookingView booking, RuntimeException failure, boolean answerStored) {

  static Placement placed(BookingView booking, boolean answerStored) {
    return new Placement(booking, null, answerStored);
  }

  static Placement failed(RuntimeException failure, boolean answerStored) {
    return new Placement(null, failure, answerStored);
  }

  /** The booking, or the refusal thrown. */
  BookingView bookingOrThrow() {
    if (failure != null) {
      throw failure;
    }
    return booking;
  }
}
