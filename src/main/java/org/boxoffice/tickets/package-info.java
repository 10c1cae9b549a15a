/**
 * Tickets own what a buyer carries to the door: one ticket per seat of a confirmed booking (free or
 * paid), its human-readable number, its QR code signed with HMAC-SHA256 (so a forged or altered
 * code is refused without a database hit), the QR image and printable PDF, and check-in.
 *
 * <p>Tickets are issued, voided and refunded only inside booking's own transactions, by observing
 * its {@code BookingConfirmed}, {@code BookingCancelled} and {@code BookingRefunded} events: a
 * confirmed booking always has its tickets, a cancelled one never has valid ones. A check-in is one
 * conditional UPDATE, so two scanners at two doors have exactly one winner.
 */
package org.boxoffice.tickets;
