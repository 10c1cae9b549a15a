/**
 * Demo data for a newcomer's first run: a demo organizer, a demo attendee and a few published
 * events, seeded once on the embedded H2 default (or when {@code BOXOFFICE_DEMO_DATA=true}).
 *
 * <p>It is a client of the identity and events boundaries like any other, owns no table, and never
 * seeds a configured PostgreSQL database unless asked to.
 */
package org.boxoffice.demo;
