package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Events;
import org.junit.jupiter.api.Test;

/**
 * Three times as many concurrent requests as the server has pooled connections (50), for a minute
 * ({@code -Dit.pool.pressure.seconds}): bookings of a hot event, sold-out refusals, {@code GET /me}
 * and event pages. No request may wait for a second connection while holding one, so none is
 * refused for want of a connection, and the readiness probe, on its own pool, answers UP
 * throughout. The probe is asked as Kubernetes asks it (kubernetes/base/deployment.yaml: 3 s
 * timeout, 3 failures in a row take the pod out), only ten times as often: every answer must be UP,
 * and a slow answer on this shared 2-core machine may not happen three times in a row.
 */
class PoolPressureIT {
  private static final int CLIENTS = 150;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  private static final int FAILURE_THRESHOLD = 3;

  @Test
  void more_concurrent_requests_than_connections_for_a_minute_get_no_503_and_readiness_stays_up()
      throws InterruptedException {
    Duration length = Duration.ofSeconds(Long.getLong("it.pool.pressure.seconds", 60));
    User organizer = Accounts.organizer();
    List<User> buyers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      buyers.add(Accounts.attendee());
    }
    long hot = Events.published(organizer, 1_000_000);
    long soldOut = Events.published(organizer, 1);
    assertThat(book(buyers.get(0).api(), soldOut).status()).isEqualTo(201);

    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong probes = new AtomicLong();
    List<String> notUp = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> timeouts = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inARow = new AtomicInteger();
    AtomicInteger mostInARow = new AtomicInteger();
    long end = System.nanoTime() + length.toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    CountDownLatch started = new CountDownLatch(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.execute(
          () -> {
            Api api = buyers.get(client % buyers.size()).api();
            started.countDown();
            for (int n = 0; System.nanoTime() < end; n++) {
              ApiResponse answer =
                  switch ((client + n) % 4) {
                    case 0, 1 -> book(api, hot);
                    case 2 -> book(api, soldOut);
                    default -> n % 2 == 0 ? api.get("/me") : api.get("/events/" + hot);
                  };
              statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
              boolean expected =
                  answer.status() == 200
                      || answer.status() == 201
                      || (answer.status() == 409 && "SOLD_OUT".equals(answer.errorCode()));
              if (!expected && unexpected.size() < 10) {
                unexpected.add(answer.toString());
              }
            }
          });
    }
    started.await();
    clients.execute(
        () -> {
          while (System.nanoTime() < end) {
            long asked = System.nanoTime();
            try {
              ApiResponse ready =
                  Api.server()
                      .send(
                          HttpRequest.newBuilder(Api.server().resolve("/health/ready"))
                              .timeout(PROBE_TIMEOUT)
                              .GET()
                              .build());
              if (ready.status() != 200) {
                notUp.add("status " + ready.status() + ": " + ready.body());
              }
              inARow.set(0);
            } catch (RuntimeException timedOut) {
              timeouts.add(
                  "no answer in "
                      + Duration.ofNanos(System.nanoTime() - asked).toMillis()
                      + " ms: "
                      + timedOut);
              mostInARow.accumulateAndGet(inARow.incrementAndGet(), Math::max);
            }
            probes.incrementAndGet();
            pause(Duration.ofMillis(500));
          }
        });
    clients.shutdown();
    assertThat(clients.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)).isTrue();

    assertThat(unexpected)
        .as("answers other than 200, 201 and 409 SOLD_OUT: " + statuses)
        .isEmpty();
    assertThat(statuses.get(201).get()).isPositive();
    assertThat(notUp).as("readiness answers other than UP").isEmpty();
    assertThat(mostInARow.get())
        .as("readiness probes unanswered in 3 s in a row: " + timeouts)
        .isLessThan(FAILURE_THRESHOLD);
    // At least as often as Kubernetes asks (every 5 s), whatever the machine's load.
    assertThat(probes.get()).isGreaterThanOrEqualTo(length.toSeconds() / 5);
  }

  private static ApiResponse book(Api api, long eventId) {
    return api.post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": 1}");
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
