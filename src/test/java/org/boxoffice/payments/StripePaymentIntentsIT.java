package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.intentOf;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.stripe;

import jakarta.json.JsonObject;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bookings paid through Stripe: the PaymentIntent a booking creates, and no sandbox beside it.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripePaymentIntentsIT {
  @Test
  void a_booking_creates_a_payment_intent_at_stripe_keyed_by_the_booking_for_the_final_amount() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe test", 10, "10.00");

    JsonObject booking = booked(api(attendee), eventId, 2);

    JsonObject payment = booking.getJsonObject("payment");
    assertThat(payment.getString("provider")).isEqualTo("stripe");
    assertThat(payment.getString("paymentIntentId")).isEqualTo("pi_booking-" + id(booking));
    assertThat(payment.getString("clientSecret"))
        .isEqualTo("pi_booking-" + id(booking) + "_secret_test");
    stripe()
        .verify(
            postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("booking-" + id(booking)))
                .withHeader("Authorization", equalTo("Bearer sk_test_dummy"))
                .withRequestBody(containing("amount=2000"))
                .withRequestBody(containing("currency=eur"))
                .withRequestBody(containing("metadata[bookingId]=" + id(booking))));
  }

  @Test
  void the_sandbox_endpoint_does_not_exist_when_stripe_is_configured() {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe no sandbox", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 1);

    ApiResponse refused =
        api(attendee).post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
  }
}
