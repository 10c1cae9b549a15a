package org.boxoffice.waitlist.boundary;

/**
 * CDI event fired synchronously inside the transaction in which a person claimed their offer: its
 * seats became the booking {@code bookingId}.
 */
public record WaitlistClaimed(long entryId, long userId, long eventId, long bookingId) {}
