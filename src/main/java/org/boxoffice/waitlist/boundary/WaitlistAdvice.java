package org.boxoffice.waitlist.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.boxoffice.booking.boundary.SoldOutAdvice;

/**
 * Says in a SOLD_OUT answer whether the event's waiting list takes entries. Whether a list is
 * closed is remembered for a few seconds per event on this server: a sell-out's thousands of
 * refusals ask once, not each.
 */
@ApplicationScoped
public class WaitlistAdvice implements SoldOutAdvice {
  static final String OPEN = "open: join it with POST /api/v1/waitlist";
  static final String CLOSED = "closed";
  private static final Duration REMEMBERED = Duration.ofSeconds(5);
  private static final int MAX_REMEMBERED = 10_000;

  @Inject WaitlistLedger ledger;
  @Inject Clock clock;

  private record Seen(boolean closed, Instant at) {}

  private final ConcurrentMap<Long, Seen> seen = new ConcurrentHashMap<>();

  @Override
  public Optional<String> waitingList(long eventId, Long ticketTypeId) {
    Instant now = clock.instant();
    Seen known = seen.get(eventId);
    if (known == null || known.at().plus(REMEMBERED).isBefore(now)) {
      if (seen.size() >= MAX_REMEMBERED) {
        seen.clear();
      }
      known = new Seen(ledger.closedNow(eventId), now);
      seen.put(eventId, known);
    }
    return Optional.of(known.closed() ? CLOSED : OPEN);
  }
}
