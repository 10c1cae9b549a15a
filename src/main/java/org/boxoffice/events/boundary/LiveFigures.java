package org.boxoffice.events.boundary;

import java.util.List;
import java.util.Map;
import org.boxoffice.events.entity.EventStatus;

/**
 * The fast-changing part of an event, read fresh from its row or left by the last batch of bookings
 * that held its lock: stored status, seats left, every tier's id, and each tier's own seats left
 * (absent when the tier shares the event's capacity).
 */
record LiveFigures(
    EventStatus status, int availableSeats, List<Long> tierIds, Map<Long, Integer> tierAvailable) {

  LiveFigures {
    tierIds = List.copyOf(tierIds);
    tierAvailable = Map.copyOf(tierAvailable);
  }

  int tierAvailable(long ticketTypeId) {
    Integer own = tierAvailable.get(ticketTypeId);
    return own == null ? availableSeats : Math.min(own, availableSeats);
  }
}
