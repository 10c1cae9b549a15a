package org.boxoffice.identity.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.identity.entity.Session;

/** A signed-in session as its owner sees it in {@code GET /me/sessions}. */
public record SessionView(
    String id, OffsetDateTime createdAt, OffsetDateTime expiresAt, boolean current) {
  static SessionView of(Session session, String currentId) {
    return new SessionView(
        session.id(),
        session.createdAt().atOffset(ZoneOffset.UTC),
        session.expiresAt().atOffset(ZoneOffset.UTC),
        session.id().equals(currentId));
  }
}
