package org.boxoffice.tickets.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/** A person's tickets in the export; on erasure they stay (their booking's record), nameless. */
@ApplicationScoped
public class TicketsPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "tickets",
        Rows.select(
            em,
            "id, booking_id, event_id, ticket_number, status, checked_in_at, created_at",
            "FROM tickets WHERE holder_id = ?1 ORDER BY id",
            person.id()));
  }

  @Override
  public void erase(Person person) {
    // Tickets hold no name or email: the holder's id now points at an anonymous account.
  }
}
