package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.EnvelopeIT.assertError;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.Events;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TcpProxy;
import org.junit.jupiter.api.Test;

/**
 * A server whose database goes away says so (readiness DOWN, 503 DATABASE_UNAVAILABLE with a
 * Retry-After of a few seconds) and recovers by itself when the database returns, whether it was
 * lost mid-run or at start-up. The database link runs through a proxy the test can cut, so the real
 * database stays up for others.
 */
class DatabaseOutageIT {
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String LOGIN =
      "{\"email\": \"%s\", \"password\": \"" + Accounts.PASSWORD + "\"}";

  @Test
  void losing_the_database_mid_run_gives_503_and_the_server_recovers_when_it_returns()
      throws Exception {
    Accounts.User user = Accounts.attendee();
    try (TcpProxy proxy = proxyToTestDatabase();
        LibertyServer server =
            LibertyServer.copyOfMain("boxoffice-outage", LibertyServer.port(2), envFor(proxy))) {
      server.start().awaitReady(200, PATIENCE);
      assertThat(server.api().post("/auth/login", LOGIN.formatted(user.email())).status())
          .isEqualTo(200);

      BookingsCutOff cutOff = bookWhileTheConnectionIsCut(server, proxy);

      server.awaitReady(503, PATIENCE);
      ApiResponse refused = server.api().post("/auth/login", LOGIN.formatted(user.email()));
      assertError(refused, 503, "DATABASE_UNAVAILABLE");
      assertThat(refused.header("Retry-After")).isEqualTo("5");

      proxy.restore();

      server.awaitReady(200, PATIENCE);
      assertThat(server.api().post("/auth/login", LOGIN.formatted(user.email())).status())
          .isEqualTo(200);
      cutOff.assertNothingHalfStored();
    }
  }

  /**
   * Sixty concurrent bookings of one event on the server, batched under its lock, and the
   * database's connections cut while they run: each gets its booking or a clear 503.
   */
  private static BookingsCutOff bookWhileTheConnectionIsCut(LibertyServer server, TcpProxy proxy)
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    long eventId = Events.published(organizer, 100);
    List<Accounts.User> buyers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      buyers.add(Accounts.attendee());
    }
    ExecutorService clients = Executors.newFixedThreadPool(60);
    CountDownLatch firstBooked = new CountDownLatch(1);
    List<Future<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Api api = server.api().as(buyers.get(i % buyers.size()).token());
      calls.add(
          clients.submit(
              () -> {
                ApiResponse answer =
                    api.post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": 1}");
                if (answer.status() == 201) {
                  firstBooked.countDown();
                }
                return answer;
              }));
    }
    firstBooked.await(60, TimeUnit.SECONDS);
    proxy.cut();
    List<ApiResponse> answers = new ArrayList<>();
    for (Future<ApiResponse> call : calls) {
      answers.add(call.get(2, TimeUnit.MINUTES));
    }
    clients.shutdown();
    return new BookingsCutOff(eventId, answers);
  }

  /** The answers to bookings cut off from the database, and what the database kept of them. */
  private record BookingsCutOff(long eventId, List<ApiResponse> answers) {
    void assertNothingHalfStored() {
      for (ApiResponse answer : answers) {
        if (answer.status() != 201) {
          assertError(answer, 503, "DATABASE_UNAVAILABLE");
        }
      }
      List<ApiResponse> booked = answers.stream().filter(a -> a.status() == 201).toList();
      assertThat(booked).isNotEmpty();
      for (ApiResponse answer : booked) {
        assertThat(
                Db.number(
                    "SELECT count(*) FROM bookings WHERE id = ?",
                    answer.data().getJsonNumber("id").longValue()))
            .as("an answered booking is stored")
            .isEqualTo(1);
      }
      long held =
          Db.number(
              "SELECT COALESCE(SUM(quantity), 0) FROM bookings WHERE event_id = ?"
                  + " AND status IN ('PENDING', 'CONFIRMED')",
              eventId);
      assertThat(Db.number("SELECT 100 - available_seats FROM events WHERE id = ?", eventId))
          .as("the event's counter agrees with its bookings")
          .isEqualTo(held);
      assertThat(Db.number("SELECT taken FROM ticket_types WHERE event_id = ?", eventId))
          .as("the tier's counter agrees with its bookings")
          .isEqualTo(held);
    }
  }

  @Test
  void a_database_down_at_start_up_keeps_the_server_not_ready_until_it_comes_up() {
    try (TcpProxy proxy = proxyToTestDatabase();
        LibertyServer server =
            LibertyServer.copyOfMain("boxoffice-late-db", LibertyServer.port(3), envFor(proxy))) {
      proxy.cut();
      server.start().await(response -> response.status() == 200, PATIENCE, "/health/started");

      assertThat(server.api().get("/health/ready").status()).isEqualTo(503);
      assertThat(server.api().get("/health/live").status()).isEqualTo(200);
      ApiResponse refused = server.api().post("/auth/login", LOGIN.formatted("a@example.test"));
      assertError(refused, 503, "DATABASE_UNAVAILABLE");
      assertThat(refused.header("Retry-After")).isEqualTo("5");
      assertThat(server.messages()).contains("Database schema migration failed");

      proxy.restore();

      server.awaitReady(200, PATIENCE);
    }
  }

  private static TcpProxy proxyToTestDatabase() {
    URI target = URI.create(Db.url().substring("jdbc:".length()));
    return new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
  }

  private static Map<String, String> envFor(TcpProxy proxy) {
    URI target = URI.create(Db.url().substring("jdbc:".length()));
    String viaProxy =
        "jdbc:postgresql://127.0.0.1:"
            + proxy.port()
            + target.getRawPath()
            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    return Map.of("DB_URL", viaProxy, "DB_USER", Db.user(), "DB_PASSWORD", Db.password());
  }
}
