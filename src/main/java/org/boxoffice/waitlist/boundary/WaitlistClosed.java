package org.boxoffice.waitlist.boundary;

/**
 * CDI event fired synchronously, once for each person still in line, inside the transaction that
 * closed the event's waiting lists (its organizer closed them, or cancelled the event): the
 * notifications feature tells them in the same transaction.
 */
public record WaitlistClosed(long entryId, long userId, long eventId, boolean eventCancelled) {}
