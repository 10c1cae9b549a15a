package org.boxoffice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.boxoffice.platform.boundary.Envelope;
import org.boxoffice.platform.control.ClockProducer;
import org.boxoffice.platform.control.Failures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the Liberty server that {@code mvn verify} starts, next to the application (which
 * stays deployed at "/"): a small web archive of real platform classes, deployed to dropins at
 * {@code /in-container}, shows that the server wires what the features rely on — the {@link Clock}
 * from {@link ClockProducer} by CDI, the {@code jdbc/boxoffice} data source on the integration-test
 * PostgreSQL, and {@link Failures} reading real driver failures.
 *
 * <p>The test methods run in the server, so they use JUnit's assertions only (AssertJ is not in the
 * archive).
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    return ShrinkWrap.create(WebArchive.class, "in-container.war")
        .addPackage(ClockProducer.class.getPackage())
        // EnvelopeJson (in control) writes Envelope values.
        .addClass(Envelope.class)
        // The driver, for a connection of our own to a closed port: the server's copy is in the
        // data source's library, which applications do not see.
        .addAsLibrary(
            new File(
                org.postgresql.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
  }

  @Inject Clock clock;

  @Resource(lookup = "jdbc/boxoffice")
  DataSource dataSource;

  @Test
  void theClockIsClockProducersUtcSystemClock() {
    assertNotNull(clock, "CDI injected no Clock");
    assertEquals(ZoneOffset.UTC, clock.getZone());
    Duration skew = Duration.between(Instant.now(), clock.instant()).abs();
    assertTrue(skew.compareTo(Duration.ofSeconds(5)) < 0, "clock is off by " + skew);
  }

  @Test
  void theDataSourceReachesTheMigratedIntegrationTestDatabase() throws SQLException {
    assertNotNull(dataSource, "jdbc/boxoffice was not injected");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select current_database(), (select count(*) from flyway_schema_history"
                    + " where success)")) {
      assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
      assertTrue(row.next());
      // The server's DB_URL comes from server.env, written by TestDatabase for this build.
      String serverUrl = System.getenv("DB_URL");
      assertNotNull(serverUrl, "the server has no DB_URL");
      assertTrue(
          serverUrl.matches(".*/" + row.getString(1) + "(\\?.*)?"),
          "connected to " + row.getString(1) + ", server DB_URL is " + serverUrl);
      assertTrue(row.getLong(2) >= 1, "Flyway recorded no successful migration");
    }
  }

  @Test
  void aRefusedQueryIsNotAnUnreachableDatabase() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create temporary table in_container_it (id int primary key)");
      statement.execute("insert into in_container_it values (1)");
      SQLException duplicate =
          assertThrows(
              SQLException.class,
              () -> statement.execute("insert into in_container_it values (1)"));
      assertEquals("23505", duplicate.getSQLState());
      assertFalse(Failures.isDatabaseUnreachable(duplicate));
      statement.execute("drop table in_container_it");
    }
  }

  @Test
  void aConnectionRefusedIsAnUnreachableDatabase() throws IOException, SQLException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // Loading the class registers this archive's driver with DriverManager; deregistered below so
    // the undeployed archive's class loader is not kept alive.
    assertTrue(org.postgresql.Driver.isRegistered());
    try {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  DriverManager.getConnection(
                      "jdbc:postgresql://127.0.0.1:" + closedPort + "/boxoffice?connectTimeout=5",
                      "nobody",
                      "nothing"));
      // The driver was found and really dialled: not DriverManager's "no suitable driver".
      assertTrue(
          Failures.find(refused, ConnectException.class).isPresent(),
          () -> "not a refused connection: " + refused);
      assertTrue(Failures.isDatabaseUnreachable(refused));
    } finally {
      org.postgresql.Driver.deregister();
    }
  }
}
