package org.boxoffice.booking.boundary;

/**
 * How many people wait for seats of an event, for the organizer's figures: the waiting list
 * implements it (booking must not depend on it). Without it there is no demand.
 */
public interface WaitingDemand {
  /** WAITING entries of the event and the seats they want, all ticket types together. */
  record Demand(long entries, long seats) {}

  /** The event's waiting demand, inside the caller's transaction. */
  Demand of(long eventId);
}
