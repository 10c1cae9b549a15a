package org.boxoffice.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Combines concurrent calls on this server into batches, one lane per key: a call joins its lane's
 * queue; while one batch of the lane runs, the calls that arrive wait in the queue (holding no
 * connection); then one of them, the first in line, takes every waiting call, up to {@code
 * maxSize}, into the next batch and hands each its own result. An empty queue adds no wait; a batch
 * that already has company may wait up to {@code maxWaitMillis} for more (0: never).
 *
 * <p>The batch runs on the thread of one of its callers, so whatever that thread may do (a
 * transaction of its own, say) the batch may do. A batch that throws answers each of its calls with
 * {@code failed} applied to what it threw; an {@link Error} answers them with an {@link
 * IllegalStateException} before it propagates on the leading thread. A queued call always gets its
 * answer: it waits through interrupts, since once queued it may be placed at any moment.
 *
 * @param <K> the lane's key (an event's id, say)
 * @param <O> one call's order
 * @param <R> one call's result
 */
public final class Combiner<K, O, R> {

  /** Runs one batch: a result for every order, in the orders' order. */
  public interface Batch<O, R> {
    List<R> run(List<O> orders);
  }

  private final Batch<O, R> batch;
  private final Function<RuntimeException, R> failed;
  private final ConcurrentHashMap<K, Lane<O, R>> lanes = new ConcurrentHashMap<>();

  public Combiner(Batch<O, R> batch, Function<RuntimeException, R> failed) {
    this.batch = batch;
    this.failed = failed;
  }

  /**
   * The batch, run again one order at a time when it fails as a whole (a constraint, a bug), so
   * that one order's failure is only its own; a failure that would be every order's anyway ({@code
   * everyones}: the database gone, say) is each order's answer at once, as is any failure of a
   * batch of one.
   */
  public static <O, R> Batch<O, R> oneByOneOnFailure(
      Batch<O, R> batch,
      Predicate<RuntimeException> everyones,
      Function<RuntimeException, R> failed) {
    return new Batch<>() {
      @Override
      public List<R> run(List<O> orders) {
        try {
          return batch.run(orders);
        } catch (RuntimeException failure) {
          if (orders.size() == 1 || everyones.test(failure)) {
            return orders.stream().map(order -> failed.apply(failure)).toList();
          }
          return orders.stream().map(order -> run(List.of(order)).get(0)).toList();
        }
      }
    };
  }

  /** Places the order in its lane's next batch and waits for its result. */
  public R submit(K key, O order, int maxSize, long maxWaitMillis) {
    Lane<O, R> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
    Ticket<O, R> ticket = new Ticket<>(order);
    lane.queue.add(ticket);
    Runnable lead = () -> lead(lane, Math.max(1, maxSize), maxWaitMillis);
    if (lane.busy.compareAndSet(false, true)) {
      lead.run();
    }
    return ticket.await(lead);
  }

  /** Runs the lane's next batch, then passes the lane on to the first call still waiting. */
  private void lead(Lane<O, R> lane, int maxSize, long maxWaitMillis) {
    try {
      run(lane.take(maxSize, maxWaitMillis));
    } finally {
      lane.passOn();
    }
  }

  private void run(List<Ticket<O, R>> tickets) {
    try {
      List<R> results = batch.run(tickets.stream().map(t -> t.order).toList());
      if (results.size() != tickets.size()) {
        throw new IllegalStateException(
            "batch answered " + results.size() + " of " + tickets.size() + " calls");
      }
      for (int i = 0; i < tickets.size(); i++) {
        tickets.get(i).finish(results.get(i));
      }
    } catch (RuntimeException failure) {
      R answer = failed.apply(failure);
      tickets.forEach(ticket -> ticket.finishIfOpen(answer));
    } finally {
      // Whatever happened (an Error, say), no call is left waiting.
      R lost = null;
      for (Ticket<O, R> ticket : tickets) {
        if (!ticket.isFinished()) {
          lost = lost != null ? lost : failed.apply(new IllegalStateException("batch failed"));
          ticket.finishIfOpen(lost);
        }
      }
    }
  }

  /** The calls of one lane waiting for their batch, and whether a batch of them is running. */
  private static final class Lane<O, R> {
    final Queue<Ticket<O, R>> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean busy = new AtomicBoolean();

    /** The waiting calls in arrival order, at most {@code max}. */
    List<Ticket<O, R>> take(int max, long maxWaitMillis) {
      List<Ticket<O, R>> taken = new ArrayList<>();
      drain(taken, max);
      if (maxWaitMillis > 0 && taken.size() > 1 && taken.size() < max) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        while (taken.size() < max && System.nanoTime() < deadline) {
          Thread.onSpinWait();
          drain(taken, max);
        }
      }
      return taken;
    }

    private void drain(List<Ticket<O, R>> taken, int max) {
      Ticket<O, R> next;
      while (taken.size() < max && (next = queue.poll()) != null) {
        taken.add(next);
      }
    }

    /**
     * Hands the lane to the first waiting call, or marks it idle; a call that arrived while it went
     * idle is handed the lane all the same.
     */
    void passOn() {
      while (true) {
        Ticket<O, R> next = queue.peek();
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

  /** One waiting call: it ends with its result, or is asked to run the lane's next batch. */
  private static final class Ticket<O, R> {
    final O order;
    private R result;
    private boolean finished;
    private boolean leading;

    Ticket(O order) {
      this.order = order;
    }

    synchronized void finish(R answer) {
      result = answer;
      finished = true;
      notifyAll();
    }

    synchronized void finishIfOpen(R answer) {
      if (!finished) {
        finish(answer);
      }
    }

    synchronized boolean isFinished() {
      return finished;
    }

    synchronized void lead() {
      leading = true;
      notifyAll();
    }

    /** Waits for the result, running a batch whenever handed the lane. */
    R await(Runnable leadLane) {
      boolean interrupted = false;
      try {
        while (true) {
          synchronized (this) {
            while (!finished && !leading) {
              try {
                wait();
              } catch (InterruptedException e) {
                interrupted = true;
              }
            }
            if (finished) {
              return result;
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
