package org.boxoffice.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway before anything touches JPA. A database that is down or
 * a migration that fails does not half-start the server: it stays not-ready (see {@link
 * DatabaseReadiness}), API requests get 503, and the migration is retried until it succeeds.
 */
@ApplicationScoped
public class SchemaMigrations {
  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
  private static final long RETRY_SECONDS = 5;

  @Resource(lookup = "jdbc/boxoffice")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile boolean complete;
  private volatile String lastFailure = "not attempted yet";
  private ScheduledFuture<?> retry;

  void onStart(@Observes Startup startup) {
    if (!migrate()) {
      retry =
          scheduler.scheduleWithFixedDelay(
              this::retryUntilComplete, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  private void retryUntilComplete() {
    if (migrate() && retry != null) {
      retry.cancel(false);
    }
  }

  private synchronized boolean migrate() {
    if (complete) {
      return true;
    }
    try {
      MigrateResult result =
          Flyway.configure(SchemaMigrations.class.getClassLoader())
              .dataSource(dataSource)
              .locations(locations())
              // Each feature numbers its scripts in its own range (V1-V19 identity, V20s events,
              // ...), so a new identity script (V6) lands below scripts a database already ran:
              // apply it rather than refuse to start. Scripts never depend on a later range.
              .outOfOrder(true)
              // Liberty's session manager makes its http_sessions table when the application
              // starts, before this runs, so a fresh database is not empty when Flyway first sees
              // it. Baselining at version 0 then still runs every script from V1.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .callbackLocations(new String[0])
              .connectRetries(0)
              .load()
              .migrate();
      if (result.targetSchemaVersion == null && result.initialSchemaVersion == null) {
        throw new IllegalStateException(
            "no migration scripts found on the class path under db/migration");
      }
      LOG.info(
          () ->
              "Database schema ready at version "
                  + (result.targetSchemaVersion != null
                      ? result.targetSchemaVersion
                      : result.initialSchemaVersion)
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now)");
      complete = true;
      lastFailure = null;
      return true;
    } catch (RuntimeException e) {
      lastFailure = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
      LOG.log(
          Level.SEVERE,
          "Database schema migration failed; the server stays NOT READY and retries every "
              + RETRY_SECONDS
              + " s: "
              + lastFailure);
      return false;
    }
  }

  /**
   * The common scripts, plus the scripts only one database understands: PL/pgSQL triggers on
   * PostgreSQL, and either database's way to start a sequence past existing rows. Versions are
   * unique across the folders; a database simply has no versions of the other's folder.
   */
  private String[] locations() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return "PostgreSQL".equalsIgnoreCase(product)
          ? new String[] {"classpath:db/migration", "classpath:db/migration-postgresql"}
          : new String[] {"classpath:db/migration", "classpath:db/migration-h2"};
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** Whether every migration has been applied since this server started. */
  public boolean isComplete() {
    return complete;
  }

  /** Why the schema is not ready, or null when it is. */
  public String lastFailure() {
    return lastFailure;
  }

  @PreDestroy
  void stopRetrying() {
    if (retry != null) {
      retry.cancel(false);
    }
  }
}
