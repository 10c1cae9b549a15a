package org.boxoffice.notifications.entity;

/**
 * {@code QUEUED → SENT}, {@code QUEUED → DEAD} after too many failed attempts, and {@code DEAD →
 * QUEUED} when an operator retries. Declared in the order the admin's outbox page shows them.
 */
public enum OutboxStatus {
  QUEUED,
  SENT,
  DEAD
}
