package org.boxoffice.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * The audit entries about a person (theirs, about their account, or naming their address), in the
 * export. On erasure their address becomes the pseudonym and a detail that names them is replaced:
 * who did what and when stays, by account id. The trail is append-only in PostgreSQL; its trigger
 * lets exactly this change through, and only in a transaction that recorded an erasure.
 */
@ApplicationScoped
public class AuditPrivacy implements PersonalData {
  private static final String ABOUT =
      "actor_id = ?1 OR (resource_type = 'user' AND resource_id = ?2)"
          + " OR LOWER(actor_email) = ?3";

  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "audit_log",
        Rows.select(
            em,
            "id, occurred_at, actor_id, actor_email, action, resource_type, resource_id, ip,"
                + " correlation_id, details",
            "FROM audit_log WHERE " + ABOUT + " ORDER BY id",
            person.id(),
            Long.toString(person.id()),
            person.email().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void erase(Person person) {
    // Entries this transaction recorded so far (a recovery code spent on the re-check) first.
    em.flush();
    String email = person.email().toLowerCase(Locale.ROOT);
    em.createNativeQuery(
            "UPDATE audit_log SET"
                + " actor_email = CASE WHEN actor_id = ?1 OR LOWER(actor_email) = ?3 THEN ?4"
                + " ELSE actor_email END,"
                + " details = CASE WHEN LOWER(details) LIKE ?5 OR LOWER(details) LIKE ?6"
                + " OR LOWER(details) LIKE ?7 THEN ?8 ELSE details END"
                + " WHERE ("
                + ABOUT
                + ") AND (actor_email IS NOT NULL OR LOWER(details) LIKE ?5"
                + " OR LOWER(details) LIKE ?6 OR LOWER(details) LIKE ?7)")
        .setParameter(1, person.id())
        .setParameter(2, Long.toString(person.id()))
        .setParameter(3, email)
        .setParameter(4, person.pseudonymEmail())
        .setParameter(5, "%" + email + "%")
        .setParameter(6, "%" + person.firstName().toLowerCase(Locale.ROOT) + "%")
        .setParameter(7, "%" + person.lastName().toLowerCase(Locale.ROOT) + "%")
        .setParameter(8, Person.ERASED)
        .executeUpdate();
    // Entries about someone else that name this address (an admin's note, a failed sign-in).
    em.createNativeQuery(
            "UPDATE audit_log SET details = ?4 WHERE LOWER(details) LIKE ?5 AND NOT ("
                + ABOUT
                + ")")
        .setParameter(1, person.id())
        .setParameter(2, Long.toString(person.id()))
        .setParameter(3, email)
        .setParameter(4, Person.ERASED)
        .setParameter(5, "%" + email + "%")
        .executeUpdate();
  }

  @Override
  public int erasureOrder() {
    // After every feature that might still record an entry, before the account itself.
    return Integer.MAX_VALUE - 1;
  }
}
