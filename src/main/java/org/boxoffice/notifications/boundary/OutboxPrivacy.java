package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * The emails sent (or waiting) to a person, in the export. On erasure their address, subject and
 * bodies are replaced (also of emails to others that name them in full or quote their address), and
 * a queued one is never sent: the row stays as the record that an email of that kind went out.
 */
@ApplicationScoped
public class OutboxPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "outbox",
        Rows.select(
            em,
            "id, kind, recipient, subject, text_body, status, attempts, created_at, sent_at",
            "FROM outbox WHERE LOWER(recipient) = LOWER(?1) ORDER BY id",
            person.email()));
  }

  @Override
  public void erase(Person person) {
    em.createNativeQuery(
            "UPDATE outbox SET recipient = ?1, subject = ?2,"
                + " text_body = CASE WHEN text_body IS NULL THEN NULL ELSE ?2 END,"
                + " html_body = CASE WHEN html_body IS NULL THEN NULL ELSE ?2 END,"
                + " attachments = NULL, last_error = NULL,"
                + " status = CASE WHEN status = 'QUEUED' THEN 'DEAD' ELSE status END"
                + " WHERE LOWER(recipient) = LOWER(?3) OR LOWER(text_body) LIKE ?4"
                + " OR LOWER(html_body) LIKE ?4 OR LOWER(text_body) LIKE ?5"
                + " OR LOWER(html_body) LIKE ?5 OR LOWER(subject) LIKE ?5")
        .setParameter(1, person.pseudonymEmail())
        .setParameter(2, Person.ERASED)
        .setParameter(3, person.email())
        .setParameter(4, "%" + person.email().toLowerCase(java.util.Locale.ROOT) + "%")
        .setParameter(
            5,
            "%"
                + (person.firstName() + " " + person.lastName()).toLowerCase(java.util.Locale.ROOT)
                + "%")
        .executeUpdate();
  }
}
