/**
 * The organizer admin: Jakarta Faces backing beans for the pages under {@code /admin/}. It owns the
 * admin sign-in session ({@link org.boxoffice.admin.AdminSession}) and the guard of {@code
 * /admin/*}, nothing else: every figure and every change goes through the features' boundaries
 * ({@code Events}, {@code Catalog}, {@code OrganizerViews}, {@code Bookings}, {@code Coupons},
 * {@code Payments}, {@code PaymentLedger}, {@code Tickets}, {@code OutboxAdmin}, {@code
 * AuditTrail}, identity's {@code SignIn}), exactly as the REST resources do. The outbox and audit
 * pages are for admins only. It must never use an EntityManager or SQL.
 */
package org.boxoffice.admin;
