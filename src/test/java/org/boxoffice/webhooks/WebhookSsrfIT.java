package org.boxoffice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF rules as production has them: a copy of the server without the loopback allowance, on a
 * database of its own (so that only it sends), whose JVM resolves names from a hosts file of the
 * test's ({@code jdk.net.hosts.file}, no DNS, no address cache): {@code intranet.webhooks.test} is
 * a private address, and {@code rebind.webhooks.test} changes from a public documentation address
 * to loopback between registration and delivery. No request ever leaves for any of them: every
 * refusal happens before a connection is made, and the only address that could be reached is the
 * test's own receiver on loopback.
 */
class WebhookSsrfIT {
  private static final String PUBLIC_DOCUMENTATION_ADDRESS = "203.0.113.7";
  private static Path hosts;
  private static LibertyServer copy;
  private static Api organizer;
  private static String dbUrl;

  @BeforeAll
  static void start() throws IOException {
    hosts = Files.createTempFile("webhooks-hosts", ".txt");
    writeHosts(PUBLIC_DOCUMENTATION_ADDRESS);
    dbUrl = TestDatabase.ownDatabase("ssrf");
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("DB_URL", dbUrl);
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    env.put("BOXOFFICE_WEBHOOKS_INTERVAL_MILLIS", "200");
    env.put("BOXOFFICE_WEBHOOKS_BACKOFF_FIRST_MILLIS", "60000");
    copy =
        LibertyServer.copyOfMain("boxoffice-webhooks-ssrf", LibertyServer.port(23), env)
            .withJvmOption("-Djdk.net.hosts.file=" + hosts.toAbsolutePath())
            .withJvmOption("-Dsun.net.inetaddr.ttl=0")
            .withJvmOption("-Dsun.net.inetaddr.negative.ttl=0");
    copy.start().awaitReady(200, Duration.ofMinutes(6));
    organizer = Hooks.signedUp(copy.api(), "ORGANIZER");
  }

  @AfterAll
  static void stop() throws IOException {
    if (copy != null) {
      copy.close();
    }
    Files.deleteIfExists(hosts);
  }

  /** The names of the hosts file; the server's own names stay on loopback. */
  private static void writeHosts(String rebindAddress) {
    String self;
    try {
      self = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      self = "localhost";
    }
    try {
      Files.writeString(
          hosts,
          """
          127.0.0.1 localhost %s
          10.1.2.3 intranet.webhooks.test
          %s rebind.webhooks.test
          """
              .formatted(self, rebindAddress));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:9443/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://intranet.webhooks.test/hook",
        "https://10.0.0.1/hook",
        "https://[::ffff:169.254.169.254]/hook",
        "https://nowhere.webhooks.test/hook",
        "http://rebind.webhooks.test/hook"
      })
  void registration_refuses_urls_that_lead_inside(String url) {
    long before = endpoints();
    ApiResponse refused =
        organizer.post(
            "/webhooks",
            "{\"url\": \"%s\", \"eventTypes\": [\"booking.confirmed\"]}".formatted(url));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("WEBHOOK_URL_REFUSED");
    assertThat(refused.errorFields()).containsExactly("url");
    assertThat(endpoints()).isEqualTo(before);
  }

  @Test
  void a_name_that_resolves_to_a_private_address_is_refused_with_the_reason() {
    ApiResponse refused =
        organizer.post(
            "/webhooks",
            "{\"url\": \"https://intranet.webhooks.test/hook\","
                + " \"eventTypes\": [\"booking.confirmed\"]}");
    assertThat(refused.body()).contains("private address").contains("10.1.2.3");
  }

  @Test
  void a_name_that_moved_inside_after_registration_is_refused_at_delivery() throws Exception {
    try (Receiver receiver = new Receiver()) {
      int port = Integer.parseInt(receiver.url().replaceAll(".*:(\\d+)/hook", "$1"));
      writeHosts(PUBLIC_DOCUMENTATION_ADDRESS);
      JsonObject endpoint =
          Hooks.register(
              organizer,
              "https://rebind.webhooks.test:" + port + "/hook",
              null,
              "booking.confirmed");
      // The name now leads to this machine: the delivery must not go there.
      writeHosts("127.0.0.1");
      long eventId = Hooks.freeEvent(organizer);
      Hooks.book(Hooks.signedUp(copy.api(), "ATTENDEE"), eventId);

      long id = endpoint.getJsonNumber("id").longValue();
      JsonObject delivery = awaitAttempt(id);
      assertThat(delivery.getString("status")).isEqualTo("PENDING");
      assertThat(delivery.getString("lastError"))
          .contains("refused")
          .contains("loopback")
          .contains("127.0.0.1");
      assertThat(delivery.containsKey("lastStatusCode")).isFalse();
      assertThat(receiver.received()).isEmpty();
    } finally {
      writeHosts(PUBLIC_DOCUMENTATION_ADDRESS);
    }
  }

  private static JsonObject awaitAttempt(long endpointId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonObject> items = List.of();
    while (System.nanoTime() < deadline) {
      ApiResponse log = organizer.get("/webhooks/" + endpointId + "/deliveries");
      items = log.data().getJsonArray("items").getValuesAs(JsonObject.class);
      if (!items.isEmpty() && items.get(0).getInt("attempts") > 0) {
        return items.get(0);
      }
      Receiver.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("no attempt was made: " + items);
  }

  private static long endpoints() {
    try (var c = java.sql.DriverManager.getConnection(dbUrl, Db.user(), Db.password());
        var s = c.createStatement();
        var r = s.executeQuery("SELECT count(*) FROM webhook_endpoints")) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
