package org.boxoffice.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
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
  /** {@code jdbc:postgresql://hosts}, then optionally {@code /database}, then {@code ?query}. */
  private static final Pattern SERVER_PART =
      Pattern.compile("^(jdbc:postgresql://[^/?#\\s]+)(?:/([^/?#\\s]*))?(\\?\\S*)?$");

  private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

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
      PostgresContainer container = PostgresContainer.start(name);
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
    String existing =
        Files.exists(serverEnv) ? Files.readString(serverEnv, StandardCharsets.UTF_8) : "";
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      extra.put(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    Files.writeString(
        serverEnv, serverEnv(existing, databaseUrl, user, password, extra), StandardCharsets.UTF_8);
    System.out.println("[it-database] integration tests use " + databaseUrl);
  }

  /**
   * A database of a test's own, next to the integration-test database ({@code
   * <it.db.name>_<suffix>}, dropped and created afresh), for servers whose background jobs must not
   * meet the shared servers' (each server's outbox sender takes whatever is due in its database);
   * returns its URL.
   */
  public static String ownDatabase(String suffix) {
    String url = Db.url();
    Matcher m = SERVER_PART.matcher(url.strip());
    if (!m.matches() || m.group(2) == null || m.group(2).isEmpty()) {
      throw new IllegalStateException("the test database URL names no database: " + url);
    }
    String name = m.group(2) + "_" + suffix;
    try {
      return recreate(url, Db.user(), Db.password(), name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + name, e);
    }
  }

  /** Drops and creates the named database on the server of {@code url}; returns its URL. */
  static String recreate(String url, String user, String password, String name)
      throws SQLException {
    Urls urls = urls(url, name);
    try (Connection c = DriverManager.getConnection(urls.admin(), user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return urls.test();
  }

  /**
   * Where to connect to drop and create the test database ({@code admin}), and the test database's
   * own URL ({@code test}).
   */
  record Urls(String admin, String test) {}

  /**
   * The URLs {@link #recreate} uses, from {@code DB_URL} and the test database's name. {@code
   * DB_URL} is {@code jdbc:postgresql://host[:port][,host2[:port]...][/database][?query]}; the
   * query is kept in both URLs. The admin connection goes to the database {@code DB_URL} names (a
   * database the user can reach), or to {@code postgres} when it names none or names the test
   * database itself, which cannot be dropped while connected to it.
   */
  static Urls urls(String url, String name) {
    if (name == null || !SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a safe database name (lower case letters, digits, _; at most 63): " + name);
    }
    Matcher m = url == null ? null : SERVER_PART.matcher(url.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "DB_URL must look like jdbc:postgresql://host:port/database, got " + url);
    }
    String server = m.group(1);
    String database = m.group(2) == null ? "" : m.group(2);
    String query = m.group(3) == null ? "" : m.group(3);
    String admin = database.isEmpty() || database.equals(name) ? "postgres" : database;
    return new Urls(server + "/" + admin + query, server + "/" + name + query);
  }

  /**
   * The server's {@code server.env} with the database settings replaced: the file outlives a build
   * that is not {@code clean}, and other lines (the keystore password Liberty generated) stay.
   */
  static String serverEnv(String existing, String url, String user, String password) {
    return serverEnv(existing, url, user, password, Map.of());
  }

  /** As above, with further settings; each replaces a line of the same key. */
  static String serverEnv(
      String existing, String url, String user, String password, Map<String, String> extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("DB_URL", url);
    settings.put("DB_USER", user);
    settings.put("DB_PASSWORD", password);
    settings.putAll(extra);
    StringBuilder env = new StringBuilder();
    existing
        .lines()
        .filter(line -> !line.isBlank())
        .filter(line -> !settings.containsKey(line.substring(0, Math.max(0, line.indexOf('=')))))
        .forEach(line -> env.append(line).append('\n'));
    settings.forEach((key, value) -> env.append(key).append('=').append(value).append('\n'));
    return env.toString();
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * A PostgreSQL container that lives as long as the Maven JVM that started it, and no longer.
   *
   * <p>This runs in {@code exec:java}, inside Maven's JVM, and returns while the container must go
   * on serving the server and the tests until the build ends. Testcontainers' reaper (Ryuk) removes
   * the container once the connection this JVM keeps to it closes, that is when Maven exits. That
   * connection is held by a daemon thread started here, so pom.xml sets exec:java's {@code
   * cleanupDaemonThreads} to false: by default exec:java interrupts the daemon threads main leaves
   * behind, which would drop the connection and have the database removed under the tests.
   */
  record PostgresContainer(String jdbcUrl, String user, String password) {
    static final String NO_DATABASE =
        "No database for the integration tests: set DB_URL (and DB_USER, DB_PASSWORD) to a"
            + " PostgreSQL server, e.g. DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres, or run"
            + " where Docker is available for Testcontainers.";

    static PostgresContainer start(String name) throws IOException {
      if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
        throw new IOException(NO_DATABASE);
      }
      // Not closed on purpose: see above.
      @SuppressWarnings("resource")
      var container =
          new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine")
              .withDatabaseName(name);
      container.start();
      return new PostgresContainer(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
  }
}
