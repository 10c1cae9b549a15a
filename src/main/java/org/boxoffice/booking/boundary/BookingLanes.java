package org.boxoffice.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boxoffice.booking.control.BookingSettings;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Combines concurrent bookings of one event on this server into batches under one lock of its row.
 * Each event has a lane: a request joins its lane's queue; while one transaction holds the row the
 * requests that arrive wait in the queue, holding no connection; then one of them (the first in
 * line) takes every waiting order, up to {@code boxoffice.booking.batch.max.size}, into the next
 * transaction ({@link BookingLedger#placeAll}) and hands each its own answer. An empty queue adds
 * no wait; a batch that already has company may wait up to {@code
 * boxoffice.booking.batch.max.wait.millis} for more (0, off, by default). Across servers nothing
 * changes: each batch still takes the database's lock.
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

  private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

  /** Places the order in its event's next batch and waits for its answer. */
  Placement place(BookingOrder order) {
    Lane lane = lanes.computeIfAbsent(order.eventId(), id -> new Lane());
    Ticket ticket = new Ticket(order);
    lane.queue.add(ticket);
    if (lane.busy.compareAndSet(false, true)) {
      lead(lane);
    }
    return ticket.await(() -> lead(lane));
  }

  /** Runs the lane's next batch, then passes the lane on to the first order still waiting. */
  private void lead(Lane lane) {
    try {
      List<Ticket> batch =
          lane.take(Math.max(1, settings.batchMaxSize), settings.batchMaxWaitMillis);
      run(batch);
    } finally {
      lane.passOn();
    }
  }

  private void run(List<Ticket> batch) {
    try {
      long eventId = batch.get(0).order.eventId();
      Instant now = clock.instant();
      boolean sweep = horizon.mayHaveOverdue(eventId, now);
      BookingLedger.Batch done =
          ledger.placeAll(eventId, batch.stream().map(t -> t.order).toList(), sweep);
      if (sweep) {
        horizon.swept(eventId);
      }
      inventory.remember(done.seats());
      for (int i = 0; i < batch.size(); i++) {
        Placement placement = done.placements().get(i);
        if (placement.booking() != null && placement.booking().expiresAt() != null) {
          horizon.held(eventId, placement.booking().expiresAt().toInstant());
        }
        batch.get(i).finish(placement);
      }
    } catch (DomainException refusal) {
      batch.forEach(ticket -> ticket.finish(Placement.failed(refusal, false)));
    } catch (RuntimeException failure) {
      if (batch.size() == 1 || Failures.isDatabaseUnreachable(failure)) {
        // With the database gone, one order a transaction would only fail again, each slowly.
        batch.forEach(ticket -> ticket.finish(Placement.failed(failure, false)));
      } else {
        batch.forEach(ticket -> run(List.of(ticket)));
      }
    } finally {
      // Whatever happened (an Error, say), no request is left waiting for an answer.
      batch.forEach(
          ticket ->
              ticket.finishIfOpen(
                  Placement.failed(new IllegalStateException("booking batch failed"), false)));
    }
  }

  /** The orders of one event waiting for its lock, and whether a batch of them is running. */
  private static final class Lane {
    final Queue<Ticket> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean busy = new AtomicBoolean();

    /** The waiting orders in arrival order, at most {@code max}. */
    List<Ticket> take(int max, long maxWaitMillis) {
      List<Ticket> batch = new ArrayList<>();
      drain(batch, max);
      if (maxWaitMillis > 0 && batch.size() > 1 && batch.size() < max) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (batch.size() < max && System.nanoTime() < deadline) {
          Thread.onSpinWait();
          drain(batch, max);
        }
      }
      return batch;
    }

    private void drain(List<Ticket> batch, int max) {
      Ticket next;
      while (batch.size() < max && (next = queue.poll()) != null) {
        batch.add(next);
      }
    }

    /**
     * Hands the lane to the first waiting order, or marks it idle; an order that arrived while it
     * went idle is handed the lane all the same.
     */
    void passOn() {
      while (true) {
        Ticket next = queue.peek();
        if (next != null) {
          next.lead();
          return;
        }
        busy.set(false);
        if (queue.isEmpty() || !busy.compareAndSet(false, true)) {
          return;
        }
      }
    }
  }

  /** One waiting order: it ends with its placement, or is asked to run the lane's next batch. */
  private static final class Ticket {
    final BookingOrder order;
    private Placement placement;
    private boolean leading;

    Ticket(BookingOrder order) {
      this.order = order;
    }

    synchronized void finish(Placement result) {
      placement = result;
      notifyAll();
    }

    synchronized void finishIfOpen(Placement result) {
      if (placement == null) {
        finish(result);
      }
    }

    synchronized void lead() {
      leading = true;
      notifyAll();
    }

    /**
     * Waits for the placement, running a batch whenever handed the lane. It waits through
     * interrupts: once queued, the order may be placed at any moment, and its answer must reach the
     * client.
     */
    Placement await(Runnable leadLane) {
      boolean interrupted = false;
      try {
        while (true) {
          synchronized (this) {
            while (placement == null && !leading) {
              try {
                wait();
              } catch (InterruptedException e) {
                interrupted = true;
              }
            }
            if (placement != null) {
              return placement;
            }
            leading = false;
          }
          leadLane.run();
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
