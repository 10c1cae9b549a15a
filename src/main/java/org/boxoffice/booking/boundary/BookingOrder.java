package org.boxoffice.booking.boundary;

/**
 * One request for seats, waiting for its event's lock: who books, what, and the Idempotency-Key
 * record whose answer is stored with the booking (null without a key).
 */
record BookingOrder(long userId, BookingRequest request, Long idempotencyRecordId) {

  long eventId() {
    return request.eventId();
  }
}
