package org.boxoffice.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the integration tests a fresh, empty PostgreSQL database before the build starts the
 * Liberty server, and tells both where it is.
 *
 * <p>With {@code DB_URL} set (CI: the machine's PostgreSQL) the database named by the first
 * argument is dropped and created again on that server. Without it, a PostgreSQL container is
 * started with Testcontainers, which needs Docker; with neither the build fails with a message
 * rather than skip the tests. The server reads the result from its {@code server.env}, the tests
 * from a properties file. Arguments after the third are further {@code KEY=VALUE} settings for the
 * test server's {@code server.env}.
 */
public final class TestDatabase {
  private static final Pattern SERVER_PART =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

  private TestDatabase() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    Path serverEnv = Path.of(args[1]);
    Path propertiesFile = Path.of(args[2]);

    String url = System.getenv("DB_URL");
    String user = envOr("DB_USER", "postgres");
    String password = envOr("DB_PASSWORD", "");
    String databaseUrl;
    if (url != null && !url.isBlank()) {
      databaseUrl = recreate(url, user, password, name);
    } else {
      PostgresContainer container = PostgresContainer.start();
      databaseUrl = container.jdbcUrl();
      user = container.user();
      password = container.password();
    }

    Properties properties = new Properties();
    properties.setProperty("url", databaseUrl);
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    Files.createDirectories(propertiesFile.getParent());
    try (OutputStream out = Files.newOutputStream(propertiesFile)) {
      properties.store(out, "integration-test database");
    }

    Files.createDirectories(serverEnv.getParent());
    StringBuilder env = new StringBuilder(System.lineSeparator());
    env.append("DB_URL=").append(databaseUrl).append(System.lineSeparator());
    env.append("DB_USER=").append(user).append(System.lineSeparator());
    env.append("DB_PASSWORD=").append(password).append(System.lineSeparator());
    for (int i = 3; i < args.length; i++) {
      env.append(args[i]).append(System.lineSeparator());
    }
    Files.writeString(
        serverEnv,
        env,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.out.println("[it-database] integration tests use " + databaseUrl);
  }

  /** Drops and creates the named database on the server of {@code url}; returns its URL. */
  static String recreate(String url, String user, String password, String name)
      throws SQLException {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a safe database name: " + name);
    }
    Matcher m = SERVER_PART.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException("DB_URL must be a jdbc:postgresql:// URL, got " + url);
    }
    String query = m.group(3) == null ? "" : m.group(3);
    String admin = m.group(1) + "postgres" + query;
    try (Connection c = DriverManager.getConnection(admin, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return m.group(1) + name + query;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A PostgreSQL container that lives as long as the Maven JVM that started it. */
  record PostgresContainer(String jdbcUrl, String user, String password) {
    static PostgresContainer start() throws IOException {
      if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
        throw new IOException(
            "No database for the integration tests: set DB_URL (and DB_USER, DB_PASSWORD) to a "
                + "PostgreSQL server, or run where Docker is available for Testcontainers.");
      }
      var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
      container.start();
      return new PostgresContainer(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
  }
}
