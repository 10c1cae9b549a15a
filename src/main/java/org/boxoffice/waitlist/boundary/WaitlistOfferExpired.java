package org.boxoffice.waitlist.boundary;

/**
 * CDI event fired synchronously inside the offer job's transaction that ended an offer nobody
 * claimed in time: the entry is EXPIRED and its seats are kept for the next in line.
 */
public record WaitlistOfferExpired(long entryId, long userId, long eventId, int quantity) {}
