package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.intentOf;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.stripe;
import static org.boxoffice.payments.StripeCopyServer.webhook;
import static org.boxoffice.payments.StripeEvents.event;
import static org.boxoffice.payments.StripeEvents.intent;
import static org.boxoffice.payments.StripeEvents.sign;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refunds through Stripe, from the organizer's API and from Stripe's dashboard.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripeRefundsIT {
  @Test
  void an_organizer_refund_goes_to_stripe_with_its_own_key_and_charge_refunded_reconciles() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe refund", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 2);
    String paid =
        event("evt_paid_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    webhook(paid, sign(paid, Instant.now()));

    ApiResponse part =
        api(organizer).post("/bookings/" + id(booking) + "/refund", "{\"amount\": 5}");

    assertThat(part.status()).as(part.toString()).isEqualTo(200);
    assertThat(part.data().getString("status")).isEqualTo("SUCCEEDED");
    long refundId = id(part.data());
    stripe()
        .verify(
            postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + refundId))
                .withRequestBody(containing("payment_intent=" + intentOf(booking)))
                .withRequestBody(containing("amount=500")));

    // The rest is refunded at Stripe's dashboard: the webhook brings the booking up to date.
    String refunded =
        event(
            "evt_refunded_" + id(booking),
            "charge.refunded",
            """
            {"id": "ch_%d", "object": "charge", "payment_intent": "%s", "amount_refunded": 2000,
             "currency": "eur", "refunded": true}"""
                .formatted(id(booking), intentOf(booking)));
    assertThat(webhook(refunded, sign(refunded, Instant.now())).status()).isEqualTo(200);

    assertThat(bookingStatus(id(booking))).isEqualTo("REFUNDED");
    assertThat(availableSeats(eventId)).isEqualTo(10);
    assertThat(Db.number("SELECT refunded_amount FROM payments WHERE booking_id = ?", id(booking)))
        .isEqualTo(20);
  }
}
