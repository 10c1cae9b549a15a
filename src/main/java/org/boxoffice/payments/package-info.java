/**
 * Payments own the money side of a booking: payment intents at a gateway (Stripe, or the sandbox
 * when no Stripe key is configured), Stripe's signed webhooks, each handled exactly once, and
 * refunds.
 *
 * <p>It never calls a gateway while holding a row lock: it locks, changes and commits, then talks
 * to the gateway, and compensates (gives the hold back, records the refund for a retry) when that
 * fails. Bookings change state only through booking's boundary ({@code BookingLedger}); seats only
 * through the events feature's {@code SeatInventory}, by way of booking.
 */
package org.boxoffice.payments;
