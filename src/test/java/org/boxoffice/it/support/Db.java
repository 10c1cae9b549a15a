package org.boxoffice.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Direct SQL on the integration-test database, to check what the API really stored. Each statement
 * runs on its own in auto-commit on a connection borrowed from a few kept open (a new PostgreSQL
 * connection costs about 10 ms here, and the input sweep alone checks row counts thousands of
 * times); a connection that broke is dropped and the statement tried once more on a new one.
 */
public final class Db {
  private static final Properties PROPERTIES = load();
  private static final int KEPT_OPEN = 4;
  private static final ConcurrentLinkedDeque<Connection> IDLE = new ConcurrentLinkedDeque<>();

  private Db() {}

  public static String url() {
    return PROPERTIES.getProperty("url");
  }

  public static String user() {
    return PROPERTIES.getProperty("user");
  }

  public static String password() {
    return PROPERTIES.getProperty("password");
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  /** Rows of a query, each a column-name to value map (column names in lower case). */
  public static List<Map<String, Object>> query(String sql, Object... parameters) {
    return run(
        sql,
        parameters,
        statement -> {
          try (ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
              Map<String, Object> row = new LinkedHashMap<>();
              for (int col = 1; col <= meta.getColumnCount(); col++) {
                row.put(meta.getColumnLabel(col).toLowerCase(), rows.getObject(col));
              }
              result.add(row);
            }
            return result;
          }
        });
  }

  /** The single number a query such as {@code SELECT count(*) ...} returns. */
  public static long number(String sql, Object... parameters) {
    Object value = query(sql, parameters).get(0).values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  public static int update(String sql, Object... parameters) {
    return run(sql, parameters, PreparedStatement::executeUpdate);
  }

  private interface Work<T> {
    T on(PreparedStatement statement) throws SQLException;
  }

  private static <T> T run(String sql, Object[] parameters, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c = null;
      try {
        c = borrow();
        T result;
        try (PreparedStatement statement = c.prepareStatement(sql)) {
          for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
          }
          result = work.on(statement);
        }
        giveBack(c);
        return result;
      } catch (SQLException e) {
        boolean broken = c == null || isBroken(c, e);
        if (broken) {
          closeQuietly(c);
        } else {
          giveBack(c);
        }
        if (!broken || attempt > 1) {
          throw new IllegalStateException("statement failed: " + sql, e);
        }
      }
    }
  }

  private static Connection borrow() throws SQLException {
    Connection c = IDLE.pollFirst();
    return c != null ? c : connect();
  }

  private static void giveBack(Connection c) {
    if (IDLE.size() < KEPT_OPEN) {
      IDLE.addFirst(c);
    } else {
      closeQuietly(c);
    }
  }

  /** A connection error (SQLState class 08) or a server that ended the session (class 57P). */
  private static boolean isBroken(Connection c, SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
      return true;
    }
    try {
      return c.isClosed();
    } catch (SQLException closed) {
      return true;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // already unusable
    }
  }

  private static Properties load() {
    Path file = Path.of(System.getProperty("it.database.file", "target/it-database.properties"));
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no integration-test database description at " + file + " (run through mvn verify)", e);
    }
    return properties;
  }
}
