package org.boxoffice.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.boxoffice.booking.entity.IdempotencyRecord;

/**
 * The stored first answers to Idempotency-Keys. Claims and look-ups run in their own short
 * transactions, so a claim is visible to a concurrent request with the same key at once.
 */
@ApplicationScoped
public class IdempotencyStore {
  @PersistenceContext EntityManager em;

  /** A stored record as the caller needs it. */
  public record Snapshot(
      long id, String requestHash, Integer status, String body, Instant createdAt) {
    boolean isComplete() {
      return status != null;
    }
  }

  /**
   * Claims the key for a first request; the unique index on (user, key) makes exactly one of
   * concurrent claims succeed: the others get a PersistenceException (SQL state 23505).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long claim(long userId, String key, String requestHash, Instant now) {
    IdempotencyRecord record = new IdempotencyRecord(userId, key, requestHash, now);
    em.persist(record);
    em.flush();
    return record.id();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Snapshot> find(long userId, String key) {
    return em.createNamedQuery(IdempotencyRecord.BY_KEY, IdempotencyRecord.class)
        .setParameter("userId", userId)
        .setParameter("key", key)
        .getResultStream()
        .findFirst()
        .map(
            r ->
                new Snapshot(
                    r.id(), r.requestHash(), r.statusCode(), r.responseBody(), r.createdAt()));
  }

  /**
   * Stores the answer inside the caller's transaction: the booking and its answer commit as one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void completeWithin(long recordId, int status, String body, Instant now) {
    em.find(IdempotencyRecord.class, recordId).complete(status, body, now);
  }

  /** Stores a refusal's answer, after the refused booking's transaction rolled back. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void complete(long recordId, int status, String body, Instant now) {
    IdempotencyRecord record = em.find(IdempotencyRecord.class, recordId);
    if (record != null) {
      record.complete(status, body, now);
    }
  }

  /** Drops a claim whose request failed unexpectedly, so that a retry can run it again. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void forget(long recordId) {
    IdempotencyRecord record = em.find(IdempotencyRecord.class, recordId);
    if (record != null) {
      em.remove(record);
    }
  }

  /** Deletes the keys created before the given time; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purgeOlderThan(Instant before) {
    return em.createNamedQuery(IdempotencyRecord.DELETE_OLDER)
        .setParameter("before", before)
        .executeUpdate();
  }
}
