package org.boxoffice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the database keeps the trail append-only: rows go in, and no UPDATE, DELETE or
 * TRUNCATE gets them out, whoever sends it.
 */
class AuditLogAppendOnlyIT {
  private static long insertEntry(String action) {
    Db.update(
        "INSERT INTO audit_log (occurred_at, action, resource_type, resource_id, details)"
            + " VALUES (now(), ?, 'test', ?, 'inserted by AuditLogAppendOnlyIT')",
        action,
        action);
    return Db.number("SELECT id FROM audit_log WHERE action = ?", action);
  }

  @Test
  void an_insert_is_accepted() {
    String action = "test." + UUID.randomUUID().toString().substring(0, 8);
    insertEntry(action);
    assertThat(Db.number("SELECT count(*) FROM audit_log WHERE action = ?", action)).isEqualTo(1);
  }

  @Test
  void an_update_is_refused_and_the_entry_stays_as_written() {
    String action = "test." + UUID.randomUUID().toString().substring(0, 8);
    long id = insertEntry(action);

    assertThatThrownBy(
            () -> Db.update("UPDATE audit_log SET details = 'rewritten' WHERE id = ?", id))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessageContaining("audit_log is append-only: UPDATE refused");

    assertThat(Db.query("SELECT details FROM audit_log WHERE id = ?", id).get(0))
        .containsEntry("details", "inserted by AuditLogAppendOnlyIT");
  }

  @Test
  void a_delete_is_refused_and_the_entry_stays() {
    String action = "test." + UUID.randomUUID().toString().substring(0, 8);
    long id = insertEntry(action);

    assertThatThrownBy(() -> Db.update("DELETE FROM audit_log WHERE id = ?", id))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessageContaining("audit_log is append-only: DELETE refused");

    assertThat(Db.number("SELECT count(*) FROM audit_log WHERE id = ?", id)).isEqualTo(1);
  }

  @Test
  void truncate_is_refused_and_nothing_is_lost() throws SQLException {
    insertEntry("test." + UUID.randomUUID().toString().substring(0, 8));
    long before = Db.number("SELECT count(*) FROM audit_log");

    try (Connection c = Db.connect();
        Statement statement = c.createStatement()) {
      assertThatThrownBy(() -> statement.execute("TRUNCATE audit_log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_log is append-only: TRUNCATE refused");
    }

    assertThat(Db.number("SELECT count(*) FROM audit_log")).isGreaterThanOrEqualTo(before);
  }
}
