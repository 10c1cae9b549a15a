package org.boxoffice.booking.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.boxoffice.events.boundary.EventCache;

/**
 * When each event's earliest unpaid hold runs out, as this server last read it (at most the
 * live-figure window old): a hold past its expiry still counts against the seats until something
 * gives it back, so a refusal from memory is only allowed while none can be overdue, and a booking
 * batch gives them back first when some may be. The read is one short transaction, at most once a
 * window per event.
 */
@ApplicationScoped
public class HoldHorizon {
  private static final long MAX_EVENTS = 100_000;

  @Inject BookingLedger ledger;
  @Inject EventCache events;

  /** eventId → the earliest expiry of its PENDING holds, {@link Instant#MAX} when it has none. */
  private Cache<Long, Instant> earliest;

  @PostConstruct
  void build() {
    earliest =
        Caffeine.newBuilder().expireAfterWrite(events.liveWindow()).maximumSize(MAX_EVENTS).build();
  }

  /** Whether the event may have unpaid holds whose time is up. */
  public boolean mayHaveOverdue(long eventId, Instant now) {
    Instant next = earliest.get(eventId, id -> ledger.nextHoldExpiry(id).orElse(Instant.MAX));
    return !next.isAfter(now);
  }

  /** A hold was placed on this server: it can only bring the horizon nearer. */
  void held(long eventId, Instant expiresAt) {
    earliest
        .asMap()
        .computeIfPresent(eventId, (id, next) -> next.isBefore(expiresAt) ? next : expiresAt);
  }

  /** The event's overdue holds were given back: read the horizon afresh next time. */
  void swept(long eventId) {
    earliest.invalidate(eventId);
  }
}
