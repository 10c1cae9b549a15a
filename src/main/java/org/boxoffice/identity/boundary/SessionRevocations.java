package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.boxoffice.identity.entity.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers "is this access token's session still alive?" on every authenticated request. The
 * database is the truth, so every replica sees a revocation; an "active" answer is cached for a few
 * seconds ({@code boxoffice.session.check.cache.seconds}, default 5) to spare the database, which
 * is the longest another replica may still accept a revoked session's token. A revocation made on
 * this replica takes effect here at once, and "revoked" is final so it is cached for good.
 */
@ApplicationScoped
public class SessionRevocations {
  private static final int MAX_CACHED = 100_000;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "boxoffice.session.check.cache.seconds", defaultValue = "5")
  int cacheSeconds;

  /** sid → millis until which it is known active, or {@link Long#MIN_VALUE} when revoked. */
  private final Map<String, Long> known = new ConcurrentHashMap<>();

  /**
   * Whether the session exists, belongs to the user and has not ended. No transaction: a cached
   * answer (nearly every request) then costs no transaction at all, and a miss is one read.
   */
  public boolean isActive(String sessionId, long userId) {
    long now = clock.millis();
    Long cached = known.get(sessionId);
    // The sid is a random UUID inside a signed token: a cached answer cannot be another user's.
    if (cached != null && (cached == Long.MIN_VALUE || cached > now)) {
      return cached != Long.MIN_VALUE;
    }
    Session session = em.find(Session.class, sessionId);
    boolean active =
        session != null && session.userId() == userId && session.isActive(clock.instant());
    if (known.size() > MAX_CACHED) {
      known.clear();
    }
    known.put(sessionId, active ? now + cacheSeconds * 1000L : Long.MIN_VALUE);
    return active;
  }

  /** Tells this replica at once that a session has ended. */
  void revoked(String sessionId) {
    known.put(sessionId, Long.MIN_VALUE);
  }
}
