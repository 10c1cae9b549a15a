package org.boxoffice.tickets.entity;

/** The error codes the tickets feature answers with. */
public final class TicketErrors {
  public static final String TICKET_NOT_FOUND = "TICKET_NOT_FOUND";
  public static final String INVALID_TICKET_CODE = "INVALID_TICKET_CODE";
  public static final String ALREADY_CHECKED_IN = "ALREADY_CHECKED_IN";
  public static final String TICKET_NOT_VALID = "TICKET_NOT_VALID";
  public static final String TICKET_FOR_ANOTHER_EVENT = "TICKET_FOR_ANOTHER_EVENT";

  /** 503: the server has no usable QR signing key (production without QR_SIGNING_KEY). */
  public static final String TICKETS_UNAVAILABLE = "TICKETS_UNAVAILABLE";

  private TicketErrors() {}
}
