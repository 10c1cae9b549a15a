package org.boxoffice.identity.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.boxoffice.identity.control.IdentitySettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Answers "is this access token's session still alive?" on every authenticated request. The
 * database is the truth, so every replica sees a revocation; an "active" answer is cached for a few
 * seconds ({@code boxoffice.session.check.cache.seconds}, default 5) to spare the database, which
 * is the longest another replica may still accept a revoked session's token. A revocation made on
 * this replica takes effect here at once, and "revoked" is final so it is cached for a day: longer
 * than any access token of the session lives.
 *
 * <p>A cached answer (nearly every request) costs no transaction and no connection; a miss reads in
 * a short transaction of its own ({@link SessionLookup}), which has given its connection back by
 * the time the request goes on to the resource's transaction.
 */
@ApplicationScoped
public class SessionRevocations {
  private static final int MAX_CACHED = 100_000;
  private static final Duration REVOKED_KEPT = Duration.ofDays(1);

  @Inject SessionLookup lookup;
  @Inject @ConfigProperties IdentitySettings settings;

  /** sid → whether it is active (for its user). */
  private Cache<String, Boolean> known;

  @PostConstruct
  void build() {
    Duration activeKept = Duration.ofSeconds(settings.sessionCheckCacheSeconds);
    known =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED)
            .expireAfter(
                Expiry.writing((String sid, Boolean active) -> active ? activeKept : REVOKED_KEPT))
            .build();
  }

  /** Whether the session exists, belongs to the user and has not ended. */
  public boolean isActive(String sessionId, long userId) {
    // The sid is a random UUID inside a signed token: a cached answer cannot be another user's.
    Boolean cached = known.getIfPresent(sessionId);
    if (cached != null) {
      return cached;
    }
    // Read outside the cache's compute, so a slow database never blocks look-ups of other sids.
    boolean active = lookup.isActive(sessionId, userId);
    // A revocation that landed meanwhile wins over this (possibly older) "active".
    return known.asMap().merge(sessionId, active, Boolean::logicalAnd);
  }

  /** Tells this replica at once that a session has ended. */
  void revoked(String sessionId) {
    known.put(sessionId, false);
  }
}
