package org.boxoffice.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: every migration applied and the database answers a round trip right now, through the
 * probe's own small pool ({@code jdbc/boxofficeHealth}), never queued behind requests.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final int ROUND_TRIP_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/boxofficeHealth")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!migrations.isComplete()) {
      return response.down().withData("schema", migrations.lastFailure()).build();
    }
    // A real statement, not Connection.isValid: its failure passes through the pool, which then
    // discards the dead connections, so readiness recovers when the database does.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(ROUND_TRIP_TIMEOUT_SECONDS);
      statement.execute("SELECT 1");
      return response.up().withData("schema", "migrated").build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
