package org.boxoffice.privacy.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;

/**
 * Reads rows for an export as JSON, by native SQL over named columns: the columns are listed
 * explicitly, so a secret column added later is not exported by accident.
 */
public final class Rows {
  private Rows() {}

  /**
   * {@code SELECT columns FROM ... WHERE ...} with positional parameters ({@code ?1}, {@code ?2});
   * each row an object keyed by the column names.
   */
  public static JsonArray select(
      EntityManager em, String columns, String fromWhere, Object... parameters) {
    List<String> names = Arrays.stream(columns.split(",")).map(String::strip).toList();
    Query query = em.createNativeQuery("SELECT " + columns + " " + fromWhere);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (Object result : query.getResultList()) {
      Object[] values = result instanceof Object[] many ? many : new Object[] {result};
      JsonObjectBuilder row = Json.createObjectBuilder();
      for (int i = 0; i < names.size(); i++) {
        add(row, label(names.get(i)), values[i]);
      }
      rows.add(row);
    }
    return rows.build();
  }

  /** {@code t.first_name} and {@code x AS y} name their JSON field by the column's own name. */
  private static String label(String column) {
    String name = column.contains(" AS ") ? column.substring(column.indexOf(" AS ") + 4) : column;
    return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
  }

  private static void add(JsonObjectBuilder row, String name, Object value) {
    if (value == null) {
      row.addNull(name);
    } else if (value instanceof Boolean flag) {
      row.add(name, flag);
    } else if (value instanceof BigDecimal decimal) {
      row.add(name, decimal);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      row.add(name, ((Number) value).longValue());
    } else if (value instanceof Timestamp time) {
      row.add(name, time.toInstant().atOffset(ZoneOffset.UTC).toString());
    } else if (value instanceof OffsetDateTime time) {
      row.add(name, time.withOffsetSameInstant(ZoneOffset.UTC).toString());
    } else if (value instanceof TemporalAccessor time) {
      row.add(name, time.toString());
    } else {
      row.add(name, value.toString());
    }
  }
}
