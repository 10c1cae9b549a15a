package org.boxoffice.media.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/** The images a person uploaded, in the export; they stay with their events on erasure. */
@ApplicationScoped
public class ImagesPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    return Map.of(
        "event_images",
        Rows.select(
            em,
            "event_id, content_hash, content_type, uploaded_at",
            "FROM event_images WHERE uploaded_by = ?1 ORDER BY event_id",
            person.id()));
  }

  @Override
  public void erase(Person person) {
    // An event's image is the event's, not the uploader's: it stays.
  }
}
