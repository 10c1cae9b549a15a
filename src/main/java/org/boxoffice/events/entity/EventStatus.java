package org.boxoffice.events.entity;

/**
 * {@code DRAFT → PUBLISHED → CANCELLED | COMPLETED}. COMPLETED is not stored by a job: a published
 * event whose end has passed reads as COMPLETED (see {@link Event#status(java.time.Instant)}).
 */
public enum EventStatus {
  DRAFT,
  PUBLISHED,
  CANCELLED,
  COMPLETED
}
