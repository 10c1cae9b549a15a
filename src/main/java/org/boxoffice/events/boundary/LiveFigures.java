package org.boxoffice.events.boundary;

import java.util.Map;
import org.boxoffice.events.entity.EventStatus;

/**
 * The fast-changing part of an event, read fresh from its row: stored status, seats left, and each
 * tier's own seats left (absent when the tier shares the event's capacity).
 */
record LiveFigures(EventStatus status, int availableSeats, Map<Long, Integer> tierAvailable) {

  int tierAvailable(long ticketTypeId) {
    Integer own = tierAvailable.get(ticketTypeId);
    return own == null ? availableSeats : Math.min(own, availableSeats);
  }
}
