package org.boxoffice.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * A person's bookings in the export. Erasure is refused while they have a booking under way
 * (pending payment) or a confirmed one for an event that has not ended: they cancel those first (a
 * paid one is refunded), so that no refund is owed to an account that no longer exists. The
 * bookings then stay with their amounts for accounting; they hold no name or email. The idempotency
 * keys (stored answers of their requests) are deleted.
 */
@ApplicationScoped
public class BookingsPrivacy implements PersonalData {
  public static final String UPCOMING_BOOKINGS = "UPCOMING_BOOKINGS";

  @PersistenceContext EntityManager em;
  @Inject Events events;

  @Override
  public Map<String, JsonArray> export(Person person) {
    Map<String, JsonArray> tables = new LinkedHashMap<>();
    tables.put(
        "bookings",
        Rows.select(
            em,
            "id, event_id, ticket_type_id, quantity, unit_price, total_amount, discount_amount,"
                + " final_amount, currency, coupon_code, status, expires_at, created_at,"
                + " updated_at",
            "FROM bookings WHERE user_id = ?1 ORDER BY id",
            person.id()));
    tables.put(
        "idempotency_keys",
        Rows.select(
            em,
            "id, idem_key, status_code, created_at, completed_at",
            "FROM idempotency_keys WHERE user_id = ?1 ORDER BY id",
            person.id()));
    return tables;
  }

  @Override
  public void checkErasable(Person person) {
    List<?> open =
        em.createNativeQuery(
                "SELECT event_id FROM bookings WHERE user_id = ?1 AND status IN ('PENDING',"
                    + " 'CONFIRMED')")
            .setParameter(1, person.id())
            .getResultList();
    List<Long> eventIds = open.stream().map(id -> ((Number) id).longValue()).distinct().toList();
    if (!events.upcoming(eventIds).isEmpty()) {
      throw DomainException.conflict(
          UPCOMING_BOOKINGS,
          "You have bookings for events that have not ended: cancel them first (a paid booking"
              + " is refunded), then erase your account");
    }
  }

  @Override
  public void erase(Person person) {
    em.createNativeQuery("DELETE FROM idempotency_keys WHERE user_id = ?1")
        .setParameter(1, person.id())
        .executeUpdate();
  }
}
