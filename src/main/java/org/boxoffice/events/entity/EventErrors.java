package org.boxoffice.events.entity;

/** Error codes of the events feature (API.md). */
public final class EventErrors {
  public static final String EVENT_NOT_FOUND = "EVENT_NOT_FOUND";
  public static final String STREAMS_FULL = "STREAMS_FULL";
  public static final String TICKET_TYPE_NOT_FOUND = "TICKET_TYPE_NOT_FOUND";
  public static final String EVENT_NOT_ON_SALE = "EVENT_NOT_ON_SALE";
  public static final String SOLD_OUT = "SOLD_OUT";
  public static final String MAX_PER_ORDER_EXCEEDED = "MAX_PER_ORDER_EXCEEDED";
  public static final String INVALID_STATUS_TRANSITION = "INVALID_STATUS_TRANSITION";
  public static final String EVENT_NOT_EDITABLE = "EVENT_NOT_EDITABLE";
  public static final String EVENT_START_PASSED = "EVENT_START_PASSED";
  public static final String NO_TICKET_TYPES = "NO_TICKET_TYPES";
  public static final String CAPACITY_BELOW_SOLD = "CAPACITY_BELOW_SOLD";
  public static final String TICKET_TYPE_HAS_SALES = "TICKET_TYPE_HAS_SALES";
  public static final String EDIT_CONFLICT = "EDIT_CONFLICT";
  public static final String SEAT_COUNT_INVALID = "SEAT_COUNT_INVALID";

  private EventErrors() {}
}
