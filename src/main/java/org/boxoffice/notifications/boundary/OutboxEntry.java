package org.boxoffice.notifications.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.boxoffice.notifications.entity.OutboxStatus;

/**
 * One email of the outbox as an operator sees it: who it goes to, which template, how delivery
 * went. Never its body (it may carry personal data the operator does not need).
 */
public record OutboxEntry(
    long id,
    String template,
    String recipient,
    String subject,
    OutboxStatus status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime sentAt)
    implements Serializable {

  /** Waiting for its next attempt (the page shows when). */
  public boolean queued() {
    return status == OutboxStatus.QUEUED;
  }

  /** Given up: an operator may retry it. */
  public boolean dead() {
    return status == OutboxStatus.DEAD;
  }
}
