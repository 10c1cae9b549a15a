package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.intentOf;
import static org.boxoffice.payments.PaymentFixtures.outboxRows;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.PaymentFixtures.tickets;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.copy;
import static org.boxoffice.payments.StripeCopyServer.counter;
import static org.boxoffice.payments.StripeCopyServer.webhook;
import static org.boxoffice.payments.StripeEvents.event;
import static org.boxoffice.payments.StripeEvents.intent;
import static org.boxoffice.payments.StripeEvents.sign;
import static org.boxoffice.payments.StripeEvents.signWith;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe's webhooks: signed events confirm or count a payment exactly once; forged, stale or
 * unsigned ones change nothing.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripeWebhooksIT {
  @Test
  void a_signed_succeeded_webhook_confirms_once_however_often_and_in_whatever_order_it_comes() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe webhook", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 2);
    String succeeded =
        event("evt_ok_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));

    ApiResponse first = webhook(succeeded, sign(succeeded, Instant.now()));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
    assertThat(tickets(id(booking))).isEqualTo(2);

    // Stripe retries the same event, and sends another event for the same payment, late.
    assertThat(webhook(succeeded, sign(succeeded, Instant.now())).status()).isEqualTo(200);
    String other =
        event("evt_again_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    assertThat(webhook(other, sign(other, Instant.now())).status()).isEqualTo(200);
    String lateFailure =
        event(
            "evt_failed_" + id(booking),
            "payment_intent.payment_failed",
            intent(intentOf(booking)));
    assertThat(webhook(lateFailure, sign(lateFailure, Instant.now())).status()).isEqualTo(200);

    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
    assertThat(tickets(id(booking))).isEqualTo(2);
    assertThat(outboxRows(id(booking), "confirmation")).isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT count(*) FROM processed_webhook_events WHERE event_id = ?",
                "evt_ok_" + id(booking)))
        .isEqualTo(1);
  }

  @Test
  void a_failed_payment_leaves_the_booking_pending_and_counts_it() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe failure", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 1);
    double failedBefore = counter("payments_failed_total");
    String failed =
        event(
            "evt_fail_" + id(booking), "payment_intent.payment_failed", intent(intentOf(booking)));

    assertThat(webhook(failed, sign(failed, Instant.now())).status()).isEqualTo(200);

    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
    assertThat(tickets(id(booking))).isZero();
    assertThat(Db.number("SELECT failures FROM payments WHERE booking_id = ?", id(booking)))
        .isEqualTo(1);
    assertThat(counter("payments_failed_total")).isEqualTo(failedBefore + 1);
  }

  @Test
  void forged_stale_or_unsigned_webhooks_are_refused_and_change_nothing() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe forgery", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 1);
    String payload =
        event("evt_forged_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));

    List<String> bad =
        List.of(
            signWith("whsec_wrong", payload, Instant.now()),
            sign(payload, Instant.now().minusSeconds(600)),
            sign(payload.replace("evt_forged", "evt_altered"), Instant.now()),
            "t=abc,v1=xyz",
            "");
    for (String signature : bad) {
      ApiResponse refused = webhook(payload, signature);
      assertThat(refused.status()).as(signature).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_SIGNATURE");
    }
    ApiResponse unsigned =
        copy()
            .api()
            .send(
                HttpRequest.newBuilder(copy().api().resolve("/payments/stripe/webhook"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build());
    assertThat(unsigned.status()).isEqualTo(400);
    String notJson = "{{{";
    assertThat(webhook(notJson, sign(notJson, Instant.now())).status()).isEqualTo(400);

    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
    assertThat(tickets(id(booking))).isZero();
  }
}
