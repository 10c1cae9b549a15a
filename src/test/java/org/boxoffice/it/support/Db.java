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

/** Direct SQL on the integration-test database, to check what the API really stored. */
public final class Db {
  private static final Properties PROPERTIES = load();

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
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
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
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** The single number a query such as {@code SELECT count(*) ...} returns. */
  public static long number(String sql, Object... parameters) {
    Object value = query(sql, parameters).get(0).values().iterator().next();
    return value == null ? 0 : ((Number) value).longValue();
  }

  public static int update(String sql, Object... parameters) {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("update failed: " + sql, e);
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
