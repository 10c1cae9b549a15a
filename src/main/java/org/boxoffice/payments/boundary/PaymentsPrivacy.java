package org.boxoffice.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * A person's payments and refunds in the export, without the gateway's client secret (Boxoffice
 * never holds card data). They stay whole on erasure: accounting needs the amounts, and they hold
 * no name or email.
 */
@ApplicationScoped
public class PaymentsPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;

  @Override
  public Map<String, JsonArray> export(Person person) {
    Map<String, JsonArray> tables = new LinkedHashMap<>();
    tables.put(
        "payments",
        Rows.select(
            em,
            "id, booking_id, provider, intent_id, amount, refunded_amount, currency, status,"
                + " failures, created_at, updated_at",
            "FROM payments WHERE user_id = ?1 ORDER BY id",
            person.id()));
    tables.put(
        "refunds",
        Rows.select(
            em,
            "r.id, r.payment_id, r.booking_id, r.amount, r.reason, r.status, r.created_at,"
                + " r.updated_at",
            "FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.user_id = ?1"
                + " ORDER BY r.id",
            person.id()));
    return tables;
  }

  @Override
  public void erase(Person person) {
    // Kept for accounting; no name or email in them.
  }
}
