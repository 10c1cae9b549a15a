package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of a booking load (what Kubernetes sends on a rollout): the server stops
 * taking new requests, finishes the ones it accepted, and loses none — every booking it stored was
 * answered, and every booking it answered is stored.
 */
class GracefulShutdownIT {

  @Test
  void sigterm_under_load_finishes_accepted_requests_and_loses_none() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    Accounts.User attendee = Accounts.attendee();
    long eventId = freeEvent(organizer);

    try (LibertyServer server =
        LibertyServer.copyOfMain(
            "boxoffice-sigterm", LibertyServer.port(8), LibertyServer.testDatabaseEnv())) {
      server.start().awaitReady(200, Duration.ofMinutes(3));
      Api api = server.api().as(attendee.token());
      String body = "{\"eventId\": %d, \"quantity\": 1}".formatted(eventId);

      ConcurrentLinkedQueue<ApiResponse> answers = new ConcurrentLinkedQueue<>();
      AtomicInteger refusedConnections = new AtomicInteger();
      Instant stopAt = Instant.now().plusSeconds(60);
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int i = 0; i < 8; i++) {
        clients.submit(
            () -> {
              while (Instant.now().isBefore(stopAt) && refusedConnections.get() < 8) {
                try {
                  answers.add(api.post("/bookings", body));
                } catch (RuntimeException connectionRefusedOrReset) {
                  refusedConnections.incrementAndGet();
                }
              }
            });
      }
      awaitAnswers(answers, 20);

      ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
      process.destroy();
      process.onExit().get(2, TimeUnit.MINUTES);
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

      List<ApiResponse> all = List.copyOf(answers);
      assertThat(all).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 503));
      List<Long> answered =
          all.stream()
              .filter(a -> a.status() == 201)
              .map(a -> a.data().getJsonNumber("id").longValue())
              .toList();
      assertThat(answered).hasSizeGreaterThanOrEqualTo(20);
      List<Long> stored =
          Db.query("select id from bookings where event_id = ?", eventId).stream()
              .map(row -> ((Number) row.get("id")).longValue())
              .toList();
      assertThat(stored).containsExactlyInAnyOrderElementsOf(answered);
      assertThat(server.messages()).contains("CWWKE0036I");
    }
  }

  private static void awaitAnswers(ConcurrentLinkedQueue<ApiResponse> answers, int count) {
    Instant deadline = Instant.now().plusSeconds(120);
    while (answers.size() < count && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    assertThat(answers.size()).as("answers before SIGTERM").isGreaterThanOrEqualTo(count);
  }

  /** A published event with a large free tier: free bookings are confirmed at once. */
  private static long freeEvent(Accounts.User organizer) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(30).withNano(0);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Shutdown drill", "description": "d", "location": "Here",
                 "startDate": "%s", "endDate": "%s", "capacity": 100000, "currency": "EUR",
                 "ticketTypes": [{"name": "Free", "price": 0, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(2)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().post("/events/" + id + "/publish", "{}").status()).isEqualTo(200);
    return id;
  }
}
