package org.boxoffice.events.boundary;

/**
 * CDI event fired synchronously inside the transaction that changed an event ({@code PATCH
 * /events/{id}}); outgoing webhooks observe it and write their deliveries in that transaction.
 */
public record EventUpdated(long eventId, long organizerId) {}
