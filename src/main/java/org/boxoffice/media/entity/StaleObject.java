package org.boxoffice.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An object of the store that is to be deleted once {@code dueAt} passes, unless an image claims it
 * first. A sweep that takes it leases it for a while, so another replica leaves it alone, and a
 * sweep that dies mid-way lets the lease run out for the next one.
 */
@Entity
@Table(name = "stale_image_objects")
public class StaleObject {
  @Id
  @Column(name = "object_key")
  private String objectKey;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "leased_until")
  private Instant leasedUntil;

  protected StaleObject() {}

  public StaleObject(String objectKey, Instant dueAt) {
    this.objectKey = objectKey;
    this.dueAt = dueAt;
  }

  public void lease(Instant now, Duration lease) {
    this.leasedUntil = now.plus(lease);
  }

  /** Not before {@code due}, and not at all by a sweep that has it leased already. */
  public void postpone(Instant due) {
    if (due.isAfter(dueAt)) {
      dueAt = due;
    }
  }

  public boolean dueBy(Instant now) {
    return !dueAt.isAfter(now);
  }

  public boolean leasedAt(Instant now) {
    return leasedUntil != null && leasedUntil.isAfter(now);
  }

  public String objectKey() {
    return objectKey;
  }
}
