package org.boxoffice.events.boundary;

import java.io.Serializable;
import org.boxoffice.events.entity.EventStatus;

/** An event as its organizer's other features (coupons, stats, attendees) need to know it. */
public record OwnedEvent(
    long eventId, long organizerId, String title, String currency, int capacity, EventStatus status)
    implements Serializable {}
