package org.boxoffice.events.boundary;

import org.boxoffice.events.entity.EventStatus;

/**
 * Seats left, read without a lock: {@code tierAvailable} is what the tier can still sell, bounded
 * by the event's own counter.
 */
public record Availability(
    long eventId,
    EventStatus eventStatus,
    int eventAvailable,
    long ticketTypeId,
    int tierAvailable) {}
