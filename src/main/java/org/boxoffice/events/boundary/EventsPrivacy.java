package org.boxoffice.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * An organizer's events in the export. An organizer is not erased while they own an event that has
 * not ended (and is not cancelled): its attendees still need its organizer. Past events stay as
 * they are, pointing at the erased account.
 */
@ApplicationScoped
public class EventsPrivacy implements PersonalData {
  public static final String ORGANIZER_HAS_FUTURE_EVENTS = "ORGANIZER_HAS_FUTURE_EVENTS";

  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "events",
        Rows.select(
            em,
            "id, title, description, location, start_date, end_date, time_zone, capacity,"
                + " available_seats, currency, status, created_at, updated_at",
            "FROM events WHERE organizer_id = ?1 ORDER BY id",
            person.id()));
  }

  @Override
  public void checkErasable(Person person) {
    Number future =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM events WHERE organizer_id = ?1 AND status <> 'CANCELLED'"
                        + " AND end_date > CURRENT_TIMESTAMP")
                .setParameter(1, person.id())
                .getSingleResult();
    if (future.longValue() > 0) {
      throw DomainException.conflict(
          ORGANIZER_HAS_FUTURE_EVENTS,
          "You organize "
              + future
              + " event(s) that have not ended: cancel them, or wait until they are over");
    }
  }

  @Override
  public void erase(Person person) {
    // Events are the organizer's published work, not data about them: they stay.
  }
}
