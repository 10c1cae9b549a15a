package org.boxoffice.waitlist.boundary;

import java.time.Instant;

/**
 * CDI event fired synchronously inside the offer job's transaction that made the offer: the
 * notifications feature queues the offer email (with its claim link) in the same transaction.
 */
public record WaitlistOffered(
    long entryId, long userId, long eventId, int quantity, Instant offerExpiresAt) {}
