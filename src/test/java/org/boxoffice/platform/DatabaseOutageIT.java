package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.EnvelopeIT.assertError;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
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
  void losing_the_database_mid_run_gives_503_and_the_server_recovers_when_it_returns() {
    Accounts.User user = Accounts.attendee();
    try (TcpProxy proxy = proxyToTestDatabase();
        LibertyServer server =
            LibertyServer.copyOfMain("boxoffice-outage", LibertyServer.port(2), envFor(proxy))) {
      server.start().awaitReady(200, PATIENCE);
      assertThat(server.api().post("/auth/login", LOGIN.formatted(user.email())).status())
          .isEqualTo(200);

      proxy.cut();

      server.awaitReady(503, PATIENCE);
      ApiResponse refused = server.api().post("/auth/login", LOGIN.formatted(user.email()));
      assertError(refused, 503, "DATABASE_UNAVAILABLE");
      assertThat(refused.header("Retry-After")).isEqualTo("5");

      proxy.restore();

      server.awaitReady(200, PATIENCE);
      assertThat(server.api().post("/auth/login", LOGIN.formatted(user.email())).status())
          .isEqualTo(200);
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
