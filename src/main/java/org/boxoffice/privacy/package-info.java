/**
 * Privacy owns the person's rights over their data: the export of everything Boxoffice holds about
 * them ({@code GET /me/export}) and the erasure of their account ({@code DELETE /me}).
 *
 * <p>It reads no other feature's tables: every feature that keeps rows about a person implements
 * {@link org.boxoffice.privacy.boundary.PersonalData} in its own boundary, exporting and erasing
 * its own rows, and may refuse an erasure (an organizer's future events, upcoming bookings). An
 * erasure runs in one transaction: it all happens or none of it. Amounts stay for accounting; names
 * and email addresses go.
 */
package org.boxoffice.privacy;
