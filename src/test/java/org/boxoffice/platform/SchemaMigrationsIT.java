package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;

/**
 * Flyway runs every script (common and PostgreSQL-only) on the empty test database, and a second
 * start is a no-op.
 */
class SchemaMigrationsIT {

  @Test
  void every_migration_script_was_applied_once_and_successfully_to_the_empty_database()
      throws IOException {
    List<Map<String, Object>> history =
        Db.query(
            "select version, success from flyway_schema_history where version is not null"
                + " and type <> 'BASELINE' order by installed_rank");

    assertThat(history).hasSize(scriptCount());
    assertThat(history).allMatch(row -> Boolean.TRUE.equals(row.get("success")));
    // When Liberty made http_sessions before Flyway first ran, the history starts at one baseline.
    assertThat(Db.number("select count(*) from flyway_schema_history where type = 'BASELINE'"))
        .isLessThanOrEqualTo(1L);
  }

  @Test
  void a_second_server_on_the_migrated_database_applies_nothing_and_becomes_ready() {
    long before = Db.number("select count(*) from flyway_schema_history");

    try (LibertyServer second =
        LibertyServer.copyOfMain(
            "boxoffice-second-start", LibertyServer.port(1), LibertyServer.testDatabaseEnv())) {
      second.start().awaitReady(200, Duration.ofMinutes(3));

      assertThat(second.messages()).contains("(0 migrations applied now)");
    }
    assertThat(Db.number("select count(*) from flyway_schema_history")).isEqualTo(before);
  }

  /** The common scripts and the PostgreSQL-only ones: the tests run on PostgreSQL. */
  private static int scriptCount() throws IOException {
    int count = 0;
    for (String folder : List.of("db/migration", "db/migration-postgresql")) {
      try (Stream<Path> scripts = Files.list(Path.of("src/main/resources", folder))) {
        count +=
            (int)
                scripts.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
      }
    }
    return count;
  }
}
