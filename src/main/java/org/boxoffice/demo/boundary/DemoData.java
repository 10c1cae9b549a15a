package org.boxoffice.demo.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.boxoffice.demo.control.DemoSettings;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Seeds the demo data once the schema is migrated, without holding up start-up: it polls {@link
 * SchemaMigrations} on a managed scheduler and gives up after {@code MAX_ATTEMPTS}.
 */
@ApplicationScoped
public class DemoData {
  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
  private static final long POLL_SECONDS = 2;
  private static final int MAX_ATTEMPTS = 300;

  @Inject SchemaMigrations migrations;
  @Inject @ConfigProperties DemoSettings settings;
  @Inject DemoSeeder seeder;

  @Resource(lookup = "jdbc/boxoffice")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> poll;
  private int attempts;

  void onStart(@Observes Startup startup) {
    poll = scheduler.scheduleWithFixedDelay(this::seedWhenReady, 0, POLL_SECONDS, TimeUnit.SECONDS);
  }

  private synchronized void seedWhenReady() {
    attempts++;
    if (!migrations.isComplete()) {
      if (attempts >= MAX_ATTEMPTS) {
        LOG.warning("Demo data not seeded: the schema never became ready");
        stop();
      }
      return;
    }
    stop();
    try {
      if (!settings.data && !isEmbeddedDefault()) {
        return;
      }
      if (seeder.seedOnce()) {
        LOG.info(
            "Demo data seeded: sign in as "
                + DemoSeeder.ORGANIZER_EMAIL
                + " or "
                + DemoSeeder.ATTENDEE_EMAIL
                + " (passwords in README.md)");
      }
    } catch (RuntimeException | SQLException e) {
      LOG.log(Level.WARNING, "Demo data not seeded: " + e);
    }
  }

  /** The embedded H2 database a newcomer gets when no database is configured. */
  private boolean isEmbeddedDefault() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL().startsWith("jdbc:h2:");
    }
  }

  @PreDestroy
  void stop() {
    if (poll != null) {
      poll.cancel(false);
    }
  }
}
