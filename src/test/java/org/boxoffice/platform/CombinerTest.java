package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.platform.control.Combiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombinerTest {
  private final ExecutorService callers = Executors.newFixedThreadPool(32);

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void concurrent_calls_share_batches_one_at_a_time_per_lane_and_each_gets_its_own_result()
      throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    Combiner<String, Integer, String> combiner =
        new Combiner<>(
            orders -> {
              if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              sizes.add(orders.size());
              pause(5); // a transaction's worth of time, for others to queue up
              running.decrementAndGet();
              return orders.stream().map(o -> "placed " + o).toList();
            },
            failure -> "failed");

    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int order = i;
      answers.add(
          callers.submit(
              () -> {
                start.await();
                return combiner.submit("event-1", order, 16, 0);
              }));
    }
    start.countDown();
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("placed " + i);
    }
    assertThat(overlaps).hasValue(0);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 16));
    assertThat(sizes.size()).as("batches for 200 calls").isLessThan(200);
  }

  @Test
  void lanes_of_different_keys_run_side_by_side() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    Combiner<String, String, Boolean> combiner =
        new Combiner<>(
            orders -> {
              bothInside.countDown();
              try {
                // Only true when the other lane's batch runs at the same time.
                boolean together = bothInside.await(5, TimeUnit.SECONDS);
                return orders.stream().map(o -> together).toList();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            },
            failure -> false);

    Future<Boolean> a = callers.submit(() -> combiner.submit("a", "x", 8, 0));
    Future<Boolean> b = callers.submit(() -> combiner.submit("b", "y", 8, 0));

    assertThat(a.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_batch_that_throws_answers_each_of_its_calls_with_the_failure_and_the_lane_goes_on() {
    Combiner<String, String, String> combiner =
        new Combiner<>(
            orders -> {
              if (orders.contains("bad")) {
                throw new IllegalArgumentException("constraint");
              }
              return orders.stream().map(o -> "ok " + o).toList();
            },
            failure -> "failed: " + failure.getMessage());

    assertThat(combiner.submit("lane", "bad", 4, 0)).isEqualTo("failed: constraint");
    assertThat(combiner.submit("lane", "good", 4, 0)).isEqualTo("ok good");
  }

  @Test
  void a_batch_that_answers_too_few_leaves_no_call_waiting() {
    Combiner<String, String, String> combiner =
        new Combiner<>(orders -> List.of(), failure -> "lost: " + failure.getMessage());

    assertThat(combiner.submit("lane", "x", 4, 0)).isEqualTo("lost: batch answered 0 of 1 calls");
  }

  @Test
  void an_error_in_a_batch_reaches_the_thread_that_ran_it_and_the_lane_is_free_again() {
    AtomicInteger calls = new AtomicInteger();
    Combiner<String, String, String> combiner =
        new Combiner<>(
            orders -> {
              if (calls.incrementAndGet() == 1) {
                throw new AssertionError("a bug");
              }
              return orders.stream().map(o -> "ok").toList();
            },
            failure -> "failed");

    assertThatThrownBy(() -> combiner.submit("lane", "first", 4, 0))
        .isInstanceOf(AssertionError.class);
    assertThat(combiner.submit("lane", "second", 4, 0)).isEqualTo("ok");
  }

  @Test
  void a_failed_batch_is_run_again_one_order_at_a_time_unless_the_failure_is_everyones() {
    List<List<String>> runs = Collections.synchronizedList(new ArrayList<>());
    Combiner.Batch<String, String> batch =
        Combiner.oneByOneOnFailure(
            orders -> {
              runs.add(orders);
              if (orders.contains("gone")) {
                throw new IllegalStateException("database gone");
              }
              if (orders.contains("bad")) {
                throw new IllegalArgumentException("constraint");
              }
              return orders.stream().map(o -> "ok " + o).toList();
            },
            failure -> failure instanceof IllegalStateException,
            failure -> "failed: " + failure.getMessage());

    assertThat(batch.run(List.of("a", "bad", "c")))
        .containsExactly("ok a", "failed: constraint", "ok c");
    assertThat(runs)
        .containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));

    runs.clear();
    assertThat(batch.run(List.of("a", "gone")))
        .containsExactly("failed: database gone", "failed: database gone");
    assertThat(runs).containsExactly(List.of("a", "gone"));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
