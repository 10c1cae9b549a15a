/**
 * Booking owns seat holds and orders: the booking engine (holds under the event's lock, coupon
 * redemption, amounts), Idempotency-Key replay, hold expiry, cancellation, and the organizer's
 * views of who booked (stats, attendees).
 *
 * <p>It never reads or writes the events tables: seats are taken and given back only through {@code
 * SeatInventory} of the events boundary, inside booking's own transaction. Lock order, always:
 * event row → coupon row → booking rows (booking rows of other transactions are only ever claimed
 * with SKIP LOCKED, so a booking never waits for one). No network call is made while a lock is
 * held.
 */
package org.boxoffice.booking;
