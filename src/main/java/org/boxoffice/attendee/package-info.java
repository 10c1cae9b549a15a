/**
 * The attendee pages: what an attendee opens from an email or a shared link (verify the email
 * address, choose a new password, an event's public page) and the ticket wallet after sign-in.
 * Jakarta Faces backing beans with their own template ({@code WEB-INF/templates/attendee.xhtml})
 * and texts (English and Traditional Chinese, {@code org/boxoffice/attendee/texts*.properties}). It
 * owns the wallet's sign-in ({@link org.boxoffice.attendee.AttendeeSession}, tied to an identity
 * session) and nothing else: every figure and every change goes through the features' boundaries
 * (identity's {@code AccountRecovery} and {@code SignIn}, events' {@code Catalog}, booking's {@code
 * Bookings}, tickets' {@code Tickets}), exactly as the REST resources do, with the API's
 * per-address limits ({@link org.boxoffice.attendee.PageLimits}). It must never use an
 * EntityManager or SQL, nor share the admin pages' look or their container sign-in.
 */
package org.boxoffice.attendee;
