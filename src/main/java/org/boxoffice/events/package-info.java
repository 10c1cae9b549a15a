/**
 * Events owns events, their ticket types, the publish lifecycle, the public catalog and the seat
 * counters ({@code events.available_seats}, {@code ticket_types.available}).
 *
 * <p>It is the only feature that writes the {@code events} and {@code ticket_types} tables, and it
 * changes a seat counter only through {@link org.boxoffice.events.boundary.SeatInventory}, under
 * the event row's lock, inside the caller's transaction. It never sells, holds or refunds anything
 * itself (that is booking's), never renders an organizer's text as HTML, and never shows a draft to
 * anyone but its organizer.
 */
package org.boxoffice.events;
