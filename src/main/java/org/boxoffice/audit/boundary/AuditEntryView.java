package org.boxoffice.audit.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.audit.entity.AuditEntry;

/** An audit entry as {@code GET /audit} shows it. */
public record AuditEntryView(
    long id,
    OffsetDateTime occurredAt,
    Long actorId,
    String actorEmail,
    String action,
    String resourceType,
    String resourceId,
    String ip,
    String correlationId,
    String details)
    implements Serializable {
  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.id(),
        e.occurredAt().atOffset(ZoneOffset.UTC),
        e.actorId(),
        e.actorEmail(),
        e.action(),
        e.resourceType(),
        e.resourceId(),
        e.ip(),
        e.correlationId(),
        e.details());
  }
}
