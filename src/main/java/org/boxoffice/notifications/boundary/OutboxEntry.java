package org.boxoffice.notifications.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * One email of the outbox as an operator sees it: who it goes to, which template, how delivery
 * went. Never its body (it may carry personal data the operator does not need).
 */
public record OutboxEntry(
    long id,
    String template,
    String recipient,
    String subject,
    String status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime sentAt)
    implements Serializable {}
