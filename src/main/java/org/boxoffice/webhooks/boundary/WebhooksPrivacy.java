package org.boxoffice.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * An organizer's webhook endpoints in the export (never their signing secrets). An erased account
 * sends nothing anywhere again: its endpoints go, and their delivery log with them (the payloads
 * hold ids and amounts, which the bookings keep).
 */
@ApplicationScoped
public class WebhooksPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "webhook_endpoints",
        Rows.select(
            em,
            "id, event_id, url, description, event_types, status, disabled_reason, created_at,"
                + " updated_at",
            "FROM webhook_endpoints WHERE organizer_id = ?1 ORDER BY id",
            person.id()));
  }

  @Override
  public void erase(Person person) {
    em.createNativeQuery("DELETE FROM webhook_endpoints WHERE organizer_id = ?1")
        .setParameter(1, person.id())
        .executeUpdate();
  }
}
