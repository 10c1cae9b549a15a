/**
 * The waiting list (issue 17): attendees line up for a sold-out ticket type, and seats that come
 * free go to them in order as offers — real holds for {@code BOXOFFICE_WAITLIST_OFFER_MINUTES} —
 * before they go back on open sale.
 *
 * <p>It owns its entries, the seats kept for them and the closed lists, and never touches the
 * events or bookings tables: seats are kept through the events boundary's {@code SeatClaims} (asked
 * under the event row's lock whenever seats come free) and given back with {@code
 * SeatInventory.releaseKept}; a claimed offer becomes a booking through {@code
 * BookingLedger.placeHeld}. Lock order, always: event row → entry rows; the offer job claims kept
 * seats and running-out offers with SKIP LOCKED, so it never waits for another server's job. No
 * network call is made while a lock is held (offer emails go through the outbox).
 */
package org.boxoffice.waitlist;
