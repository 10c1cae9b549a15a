package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.boxoffice.identity.entity.Session;

/**
 * The database read behind {@link SessionRevocations}. It runs in a transaction because Liberty
 * keeps a connection used outside one until the request ends: the request would then hold it while
 * its resource's transaction takes a second one, and a stampede starves the pool. REQUIRED rather
 * than REQUIRES_NEW: a caller already in a transaction reads on that transaction's connection
 * instead of taking another.
 */
@ApplicationScoped
class SessionLookup {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Whether the session exists, belongs to the user and has not ended. */
  @Transactional(Transactional.TxType.REQUIRED)
  boolean isActive(String sessionId, long userId) {
    Session session = em.find(Session.class, sessionId);
    return session != null && session.userId() == userId && session.isActive(clock.instant());
  }
}
