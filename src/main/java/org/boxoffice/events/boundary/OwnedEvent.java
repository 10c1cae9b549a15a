package org.boxoffice.events.boundary;

/** An event as its organizer's other features (coupons, stats, attendees) need to know it. */
public record OwnedEvent(
    long eventId, long organizerId, String title, String currency, int capacity, String status) {}
