package org.boxoffice.booking.boundary;

import java.util.Optional;

/**
 * What a {@code SOLD_OUT} answer of {@code POST /bookings} adds for the buyer: the waiting list
 * implements it (booking must not depend on it), and says whether the event's list takes entries.
 */
public interface SoldOutAdvice {
  /**
   * The {@code waitingList} detail's message for the event and tier asked for ({@code open: …} or
   * {@code closed}), or empty when there is nothing to say. Answered from memory at most a few
   * seconds old: a sell-out's refusals must not each cost a database round trip.
   */
  Optional<String> waitingList(long eventId, Long ticketTypeId);
}
