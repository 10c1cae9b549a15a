package org.boxoffice.events.boundary;

/**
 * CDI event fired synchronously ({@code Event<EventCancelled>.fire}) inside the transaction that
 * cancels an event; booking observes it and cancels/refunds every booking of the event in the same
 * transaction.
 */
public record EventCancelled(long eventId, long organizerId) {}
