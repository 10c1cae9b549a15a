package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.notifications.entity.OutboxStatus;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;

/**
 * The outbox for operators (the admin's outbox page; callers check the ADMIN role): the emails by
 * status, newest first, and the retry of a DEAD one once its cause is fixed.
 */
@ApplicationScoped
public class OutboxAdmin {
  static final String NOT_FOUND = "OUTBOX_MESSAGE_NOT_FOUND";
  static final String NOT_DEAD = "OUTBOX_MESSAGE_NOT_DEAD";
  private static final String COLUMNS =
      "SELECT m.id, m.kind, m.recipient, m.subject, m.status, m.attempts, m.lastError,"
          + " m.createdAt, m.nextAttemptAt, m.sentAt FROM OutboxMessage m";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** One page of emails, newest first; {@code status} null for every status. */
  @Transactional
  public Page<OutboxEntry> list(OutboxStatus status, int page, int size) {
    String where = status == null ? "" : " WHERE m.status = :status";
    TypedQuery<Object[]> rows =
        em.createQuery(COLUMNS + where + " ORDER BY m.id DESC", Object[].class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(m) FROM OutboxMessage m" + where, Long.class);
    if (status != null) {
      rows.setParameter("status", status);
      count.setParameter("status", status);
    }
    List<OutboxEntry> items =
        rows.setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(OutboxAdmin::entry)
            .toList();
    return new Page<>(items, page, size, count.getSingleResult());
  }

  /** How many emails are in each status (every status named, zero included). */
  @Transactional
  public Map<OutboxStatus, Long> counts() {
    Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
    for (OutboxStatus status : OutboxStatus.values()) {
      counts.put(status, 0L);
    }
    for (Object[] row :
        em.createQuery(
                "SELECT m.status, COUNT(m) FROM OutboxMessage m GROUP BY m.status", Object[].class)
            .getResultList()) {
      counts.put((OutboxStatus) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /**
   * Queues a DEAD email again, due at once with a fresh count of attempts: 404
   * OUTBOX_MESSAGE_NOT_FOUND for an unknown id, 409 OUTBOX_MESSAGE_NOT_DEAD for one that is queued
   * or sent (a double click retries once).
   */
  @Transactional
  public void retry(long id) {
    OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (message == null) {
      throw DomainException.notFound(NOT_FOUND, "No such email");
    }
    if (!message.requeue(clock.instant())) {
      throw DomainException.conflict(NOT_DEAD, "Only a dead email can be retried");
    }
  }

  private static OutboxEntry entry(Object[] row) {
    return new OutboxEntry(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (OutboxStatus) row[4],
        ((Number) row[5]).intValue(),
        (String) row[6],
        utc(row[7]),
        utc(row[8]),
        utc(row[9]));
  }

  private static OffsetDateTime utc(Object instant) {
    return instant == null ? null : ((Instant) instant).atOffset(ZoneOffset.UTC);
  }
}
