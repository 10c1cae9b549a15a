package org.boxoffice.waitlist.entity;

/** The error codes the waiting list answers with (API.md). */
public final class WaitlistErrors {
  /** 404: no such entry, or not the caller's. */
  public static final String WAITLIST_ENTRY_NOT_FOUND = "WAITLIST_ENTRY_NOT_FOUND";

  /** 409: the seats asked for are on sale: book them with POST /bookings instead. */
  public static final String BOOK_INSTEAD = "BOOK_INSTEAD";

  /** 409: the user already has a live entry for this ticket type. */
  public static final String WAITLIST_ALREADY_JOINED = "WAITLIST_ALREADY_JOINED";

  /** 409: the organizer closed the event's waiting lists, or cancelled the event. */
  public static final String WAITLIST_CLOSED = "WAITLIST_CLOSED";

  /** 409: the entry has no offer to claim or decline (none yet, or it ran out). */
  public static final String OFFER_NOT_OPEN = "OFFER_NOT_OPEN";

  /** 409: the entry is over (claimed, declined, expired, left, closed): nothing to leave. */
  public static final String WAITLIST_ENTRY_OVER = "WAITLIST_ENTRY_OVER";

  private WaitlistErrors() {}
}
