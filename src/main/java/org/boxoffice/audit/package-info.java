/**
 * Audit owns the append-only trail of sensitive operations ({@code audit_log}): who did what to
 * which resource, from where, under which correlation id.
 *
 * <p>Any feature records through {@link org.boxoffice.audit.boundary.AuditTrail}, inside its own
 * transaction so the entry commits or rolls back with the change. Audit never updates or deletes an
 * entry and never stores a secret (password, token, TOTP code) in {@code details}. On PostgreSQL
 * the database enforces it: a trigger refuses every UPDATE, DELETE and TRUNCATE of the table.
 */
package org.boxoffice.audit;
