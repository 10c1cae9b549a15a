package org.boxoffice.events.boundary;

/**
 * Someone who wants seats as they come free, before they go back on open sale: the waiting list
 * implements it (events must not depend on it). {@link SeatInventory} asks it under the event row's
 * lock, in the transaction that frees the seats, so no freed seat is ever on open sale while it is
 * wanted.
 */
public interface SeatClaims {
  /**
   * Whether the claimant may want any seats of the event at all (one cheap question, asked before
   * {@link #keep} is asked tier by tier).
   */
  boolean wants(long eventId);

  /**
   * Of {@code freed} seats of the ticket type that are on sale now because seats came back (a hold
   * expired, a booking was cancelled or refunded, capacity was raised), how many to keep: those are
   * taken again in the event's and the tier's counters, and from then on belong to the claimant,
   * who gives them back with {@link SeatInventory#releaseKept}. Between 0 and {@code freed}. Called
   * only for an event on sale, under its row's lock.
   */
  int keep(long eventId, long ticketTypeId, int freed);
}
