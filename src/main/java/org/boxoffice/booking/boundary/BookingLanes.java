package org.boxoffice.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.boxoffice.booking.control.BookingSettings;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.platform.control.Combiner;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Combines concurrent bookings of one event on this server into batches under one lock of its row
 * ({@link Combiner}, one lane per event): while one transaction holds the row the requests that
 * arrive wait, holding no connection; then the first in line takes every waiting order, up to
 * {@code boxoffice.booking.batch.max.size}, into the next transaction ({@link
 * BookingLedger#placeAll}) and hands each its own answer. An empty queue adds no wait; a batch that
 * already has company may wait up to {@code boxoffice.booking.batch.max.wait.millis} for more (0,
 * off, by default). Across servers nothing changes: each batch still takes the database's lock.
 *
 * <p>A batch whose transaction fails (a constraint, a bug) is placed again one order a transaction,
 * so one order's failure never fails the others; a refusal of the whole batch (an unknown event)
 * and a lost database are every order's answer: the database rolled the whole batch back.
 */
@ApplicationScoped
public class BookingLanes {
  @Inject BookingLedger ledger;
  @Inject SeatInventory inventory;
  @Inject HoldHorizon horizon;
  @Inject @ConfigProperties BookingSettings settings;
  @Inject Clock clock;

  private final Combiner<Long, BookingOrder, Placement> lanes =
      new Combiner<>(
          // A refusal of the whole batch (an unknown event) and a lost database are every order's
          // answer (one order a transaction would only fail again, each slowly).
          Combiner.oneByOneOnFailure(
              this::run,
              failure ->
                  failure instanceof DomainException || Failures.isDatabaseUnreachable(failure),
              BookingLanes::failed),
          BookingLanes::failed);

  /** Places the order in its event's next batch and waits for its answer. */
  Placement place(BookingOrder order) {
    return lanes.submit(order.eventId(), order, settings.batchMaxSize, settings.batchMaxWaitMillis);
  }

  /** One batch of one event's orders: a placement for each, in their order. */
  private List<Placement> run(List<BookingOrder> batch) {
    long eventId = batch.get(0).eventId();
    Instant now = clock.instant();
    boolean sweep = horizon.mayHaveOverdue(eventId, now);
    BookingLedger.Batch done = ledger.placeAll(eventId, batch, sweep);
    if (sweep) {
      horizon.swept(eventId);
    }
    inventory.remember(done.seats());
    for (Placement placement : done.placements()) {
      if (placement.booking() != null && placement.booking().expiresAt() != null) {
        horizon.held(eventId, placement.booking().expiresAt().toInstant());
      }
    }
    return done.placements();
  }

  private static Placement failed(RuntimeException failure) {
    return Placement.failed(failure, false);
  }
}
