package org.boxoffice.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what an exception's cause chain says about the failure behind it. */
public final class Failures {
  private static final Pattern JSON_PROPERTY = Pattern.compile("property '([A-Za-z0-9_]{1,64})'");

  private Failures() {}

  /** The first throwable in the chain of the given type. */
  public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  /**
   * PostgreSQL's "operator intervention" states of a server going down or still starting: the
   * connection was ended by a shutdown (57P01), a crash of another backend (57P02), or the server
   * cannot take connections yet, e.g. during crash recovery (57P03). Like class 08, the database is
   * unavailable rather than refusing the query.
   */
  private static final Set<String> SERVER_GOING_OR_STARTING = Set.of("57P01", "57P02", "57P03");

  /** Whether the chain says the database could not be reached (as opposed to refused a query). */
  public static boolean isDatabaseUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08")
              || SERVER_GOING_OR_STARTING.contains(sql.getSQLState()))) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.endsWith("StaleConnectionException")
          || name.endsWith("ConnectionWaitTimeoutException")
          || t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  /** Whether the chain is a JSON parsing or binding failure, i.e. the client's body is bad. */
  public static boolean isMalformedJson(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName();
      if (name.startsWith("jakarta.json.") || name.startsWith("org.eclipse.yasson.")) {
        return true;
      }
    }
    return false;
  }

  /** The JSON property a binding failure names, when it names one. */
  public static Optional<String> jsonProperty(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = JSON_PROPERTY.matcher(t.getMessage());
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
    }
    return Optional.empty();
  }
}
