package org.boxoffice.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: every migration applied and the database answers a round trip right now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final int ROUND_TRIP_TIMEOUT_SECONDS = 2;

  @Resource(lookup = "jdbc/boxoffice")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!migrations.isComplete()) {
      return response.down().withData("schema", migrations.lastFailure()).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(ROUND_TRIP_TIMEOUT_SECONDS);
      return response.status(valid).withData("schema", "migrated").build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
