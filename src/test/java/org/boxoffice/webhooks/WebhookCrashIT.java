package org.boxoffice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TestDatabase;
import org.boxoffice.webhooks.Receiver.Answer;
import org.junit.jupiter.api.Test;

/**
 * A server killed (kill -9) while a delivery is on the wire loses nothing: the delivery it had
 * leased is sent again once the lease runs out, and the ones it had not reached yet are sent too.
 * The copy has a database of its own, so that no other server takes its deliveries.
 */
class WebhookCrashIT {
  @Test
  void a_server_killed_during_a_delivery_sends_every_message_after_its_restart() throws Exception {
    String dbUrl = TestDatabase.ownDatabase("whcrash");
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("DB_URL", dbUrl);
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    env.put("BOXOFFICE_WEBHOOKS_ALLOW_LOOPBACK", "true");
    env.put("BOXOFFICE_WEBHOOKS_INTERVAL_MILLIS", "200");
    env.put("BOXOFFICE_WEBHOOKS_BATCH_SIZE", "1");
    // Long enough to be killed in the middle of the request; the lease is then a minute.
    env.put("BOXOFFICE_WEBHOOKS_REQUEST_TIMEOUT_MILLIS", "20000");
    int port = LibertyServer.port(22);
    try (Receiver receiver = new Receiver()) {
      receiver.answer(Answer.slow(Duration.ofSeconds(90)));
      String inFlight;
      try (LibertyServer server = LibertyServer.copyOfMain("boxoffice-webhooks-crash", port, env)) {
        server.start().awaitReady(200, Duration.ofMinutes(6));
        Api organizer = Hooks.signedUp(server.api(), "ORGANIZER");
        Hooks.register(organizer, receiver.url(), null, "booking.confirmed");
        long eventId = Hooks.freeEvent(organizer);
        for (int i = 0; i < 3; i++) {
          Hooks.book(Hooks.signedUp(server.api(), "ATTENDEE"), eventId);
        }
        inFlight = receiver.await(r -> !r.isEmpty(), Duration.ofSeconds(30)).get(0).id();

        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly();
        assertThat(statuses(dbUrl)).containsOnly("PENDING").hasSize(3);
      }
      try (LibertyServer restarted =
          LibertyServer.copyOfMain("boxoffice-webhooks-crash", port, env)) {
        restarted.start().awaitReady(200, Duration.ofMinutes(6));
        List<Receiver.Received> got =
            receiver.await(
                r ->
                    r.stream().map(Receiver.Received::id).distinct().count() == 3
                        && r.stream().filter(x -> x.id().equals(inFlight)).count() >= 2,
                Duration.ofMinutes(3));
        Set<String> ids = got.stream().map(Receiver.Received::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(3).contains(inFlight);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!statuses(dbUrl).stream().allMatch("DELIVERED"::equals)
            && System.nanoTime() < deadline) {
          Receiver.pause(Duration.ofMillis(200));
        }
        assertThat(statuses(dbUrl)).containsOnly("DELIVERED").hasSize(3);
        for (Receiver.Received r : got) {
          JsonObject payload = Hooks.json(r.body());
          assertThat(payload.getString("type")).isEqualTo("booking.confirmed");
        }
      }
    }
  }

  private static List<String> statuses(String dbUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(dbUrl, Db.user(), Db.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT status FROM webhook_deliveries ORDER BY id")) {
      List<String> statuses = new java.util.ArrayList<>();
      while (r.next()) {
        statuses.add(r.getString(1));
      }
      return statuses;
    }
  }
}
