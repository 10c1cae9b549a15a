package org.boxoffice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.intentOf;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What moves money or access leaves an audit entry naming its actor: coupons created and disabled,
 * an organizer's refund, a booking's cancellation, an event's cancellation (role changes are
 * covered by the admin pages' and identity's tests).
 */
class MoneyAndAccessAuditIT {
  static User organizer;
  static User attendee;

  @BeforeAll
  static void people() {
    PaymentFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @Test
  void coupons_refunds_and_cancellations_are_audited_with_their_actor() {
    long eventId = publishedEvent(organizer, 10, "20.00");
    ApiResponse coupon =
        organizer
            .api()
            .post(
                "/events/" + eventId + "/coupons",
                "{\"code\": \"AUDIT\", \"discountType\": \"PERCENT\", \"discountValue\": 10}");
    assertThat(coupon.status()).as(coupon.toString()).isEqualTo(201);
    long couponId = id(coupon.data());
    assertThat(
            organizer
                .api()
                .post("/events/" + eventId + "/coupons/" + couponId + "/disable", "")
                .status())
        .isEqualTo(200);
    JsonObject paid = booked(attendee.api(), eventId, 2);
    assertThat(attendee.api().post("/payments/sandbox/" + intentOf(paid) + "/confirm", "").status())
        .isEqualTo(200);
    ApiResponse refund =
        organizer.api().post("/bookings/" + id(paid) + "/refund", "{\"amount\": 5.00}");
    assertThat(refund.status()).as(refund.toString()).isIn(200, 201);
    JsonObject held = booked(attendee.api(), eventId, 1);
    assertThat(attendee.api().post("/bookings/" + id(held) + "/cancel", "").status())
        .isEqualTo(200);
    assertThat(organizer.api().post("/events/" + eventId + "/cancel", "{}").status())
        .isEqualTo(200);

    assertThat(entry("coupon.created", "coupon", couponId))
        .containsEntry("actor_id", organizer.id());
    assertThat(entry("coupon.disabled", "coupon", couponId))
        .containsEntry("actor_id", organizer.id());
    Map<String, Object> refunded = entry("payment.refund.requested", "booking", id(paid));
    assertThat(refunded).containsEntry("actor_id", organizer.id());
    assertThat((String) refunded.get("details")).startsWith("5.00 EUR");
    assertThat(entry("booking.cancelled", "booking", id(held)))
        .containsEntry("actor_id", attendee.id());
    assertThat(entry("event.cancelled", "event", eventId))
        .containsEntry("actor_id", organizer.id());
  }

  private static Map<String, Object> entry(String action, String type, long resourceId) {
    List<Map<String, Object>> rows =
        Db.query(
            "SELECT actor_id, details FROM audit_log WHERE action = ? AND resource_type = ?"
                + " AND resource_id = ?",
            action,
            type,
            Long.toString(resourceId));
    assertThat(rows).as(action + " of " + type + " " + resourceId).hasSize(1);
    return rows.get(0);
  }
}
