package org.boxoffice.booking.boundary;

import java.util.List;

/**
 * Who came through the door, for the organizer's figures: the tickets feature implements it
 * (booking must not depend on tickets). Without it every count is 0.
 */
public interface CheckIns {
  /** Tickets of the event checked in. */
  long checkedIn(long eventId);

  /** Bookings of the event with at least one ticket checked in. */
  List<Long> bookingsCheckedIn(long eventId);
}
