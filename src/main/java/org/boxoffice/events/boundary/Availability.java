package org.boxoffice.events.boundary;

/**
 * Seats left, read without a lock: {@code tierAvailable} is what the tier can still sell, bounded
 * by the event's own counter.
 */
public record Availability(
    long eventId, String eventStatus, int eventAvailable, long ticketTypeId, int tierAvailable) {}
