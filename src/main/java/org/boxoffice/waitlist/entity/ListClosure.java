package org.boxoffice.waitlist.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event whose waiting lists take no one any more: closed by its organizer, or cancelled. */
@Entity
@Table(name = "waitlist_closures")
public class ListClosure {
  /** Why the lists closed. */
  public enum Reason {
    ORGANIZER,
    EVENT_CANCELLED
  }

  @Id
  @Column(name = "event_id")
  private Long eventId;

  @Column(name = "closed_at", nullable = false)
  private Instant closedAt;

  @Column(nullable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Reason reason;

  protected ListClosure() {}

  public ListClosure(long eventId, Reason reason, Instant now) {
    this.eventId = eventId;
    this.reason = reason;
    this.closedAt = now;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public Reason reason() {
    return reason;
  }
}
