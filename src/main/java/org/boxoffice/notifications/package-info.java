/**
 * Notifications own outgoing email: the transactional outbox (every email is a row written in the
 * same transaction as its cause, so a confirmation is never lost nor sent for something that rolled
 * back), templates with placeholders, and delivery over SMTP with retries and backoff.
 *
 * <p>It never sends while holding a lock: the sender claims due rows with FOR UPDATE SKIP LOCKED
 * (moving their next attempt on, a lease), commits, sends, then records the outcome. Several
 * senders on each of several servers run at once; each row is claimed by one. Urgent emails
 * (account emails, waiting-list offers) are claimed first. Attachments (tickets PDF, calendar) are
 * read from the tickets and events boundaries in a short transaction and rendered after it, never
 * while a database connection is held. Operators list the outbox and retry dead emails through
 * {@link org.boxoffice.notifications.boundary.OutboxAdmin} (the admin's outbox page), never by
 * editing rows.
 */
package org.boxoffice.notifications;
