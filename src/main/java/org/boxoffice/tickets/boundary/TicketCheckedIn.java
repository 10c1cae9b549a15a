package org.boxoffice.tickets.boundary;

import java.time.Instant;

/**
 * CDI event fired synchronously inside the transaction that checked a ticket in; outgoing webhooks
 * observe it and write their deliveries in that transaction.
 */
public record TicketCheckedIn(
    long ticketId,
    String ticketNumber,
    long bookingId,
    long eventId,
    long organizerId,
    Instant checkedInAt) {}
