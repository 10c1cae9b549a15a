/**
 * Coupons own per-event discount codes and their redemption counts.
 *
 * <p>A coupon's use count changes only under the coupon row's lock, inside the booking's
 * transaction and always after the event row's lock (lock order event → coupon), so no coupon is
 * redeemed past its limit and bookings never deadlock. Coupons never read or change seats, never
 * compute a booking's amounts and never touch the events tables: they know an event by id and ask
 * the events boundary who owns it.
 */
package org.boxoffice.coupons;
