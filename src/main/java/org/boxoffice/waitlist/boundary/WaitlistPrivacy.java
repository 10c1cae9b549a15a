package org.boxoffice.waitlist.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/** A person's places on waiting lists, in the export; they hold no name or email. */
@ApplicationScoped
public class WaitlistPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "waitlist_entries",
        Rows.select(
            em,
            "id, event_id, ticket_type_id, quantity, status, offer_expires_at, booking_id,"
                + " joined_at, updated_at",
            "FROM waitlist_entries WHERE user_id = ?1 ORDER BY id",
            person.id()));
  }

  @Override
  public void erase(Person person) {
    // Entries hold no name or email; an offer's email goes to the erased address, never delivered.
  }
}
