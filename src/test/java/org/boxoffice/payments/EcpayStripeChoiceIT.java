package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.TRADE;
import static org.boxoffice.payments.EcpayFixtures.event;
import static org.boxoffice.payments.EcpayFixtures.paymentRow;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.stripe;

import jakarta.json.JsonObject;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a server with both gateways (the Stripe copy of {@link StripeCopyServer}, its ECPay at {@link
 * EcpayStandIn}) the organizer's choice decides for TWD events: STRIPE goes to Stripe, ECPAY and
 * AUTO to ECPay; and an event chosen for ECPay waits for ECPay rather than go to Stripe.
 */
@ExtendWith({EcpayStandIn.class, StripeCopyServer.class})
class EcpayStripeChoiceIT {
  @Test
  void the_organizers_choice_decides_the_gateway_of_a_twd_booking() {
    User organizer = Accounts.organizer();
    long stripeEvent = event(api(organizer), "TWD", "STRIPE", 10, "500");
    long ecpayEvent = event(api(organizer), "TWD", "ECPAY", 10, "500");
    long autoEvent = event(api(organizer), "TWD", null, 10, "500");
    User buyer = Accounts.attendee();

    JsonObject viaStripe = booked(api(buyer), stripeEvent, 1);
    JsonObject viaEcpay = booked(api(buyer), ecpayEvent, 1);
    JsonObject viaAuto = booked(api(buyer), autoEvent, 1);

    assertThat(viaStripe.getJsonObject("payment").getString("provider")).isEqualTo("stripe");
    assertThat(paymentRow(id(viaStripe))).containsEntry("provider", "stripe");
    stripe()
        .verify(
            postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("booking-" + id(viaStripe))));
    for (JsonObject booking : new JsonObject[] {viaEcpay, viaAuto}) {
      assertThat(booking.getJsonObject("payment").getString("provider")).isEqualTo("ecpay");
      assertThat(booking.getJsonObject("payment").getString("paymentIntentId"))
          .isEqualTo(TRADE + id(booking));
      assertThat(paymentRow(id(booking))).containsEntry("provider", "ecpay");
      stripe()
          .verify(
              0,
              postRequestedFor(urlEqualTo("/v1/payment_intents"))
                  .withHeader("Idempotency-Key", equalTo("booking-" + id(booking))));
    }
  }

  @Test
  void with_ecpay_down_an_event_chosen_for_ecpay_is_refused_and_never_sent_to_stripe() {
    User organizer = Accounts.organizer();
    long eventId = event(api(organizer), "TWD", "ECPAY", 5, "400");
    User buyer = Accounts.attendee();

    ApiResponse refused = EcpayFixtures.bookWhileEcpayDown(api(buyer), eventId, 2);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
    assertThat(availableSeats(eventId)).isEqualTo(5);
    assertThat(
            Db.number(
                "SELECT count(*) FROM payments p JOIN bookings b ON b.id = p.booking_id"
                    + " WHERE b.event_id = ?",
                eventId))
        .isZero();
    for (var row :
        Db.query(
            "SELECT id, status FROM bookings WHERE event_id = ? AND user_id = ?",
            eventId,
            buyer.id())) {
      assertThat(row.get("status")).isEqualTo("CANCELLED");
      stripe()
          .verify(
              0,
              postRequestedFor(urlEqualTo("/v1/payment_intents"))
                  .withHeader("Idempotency-Key", equalTo("booking-" + row.get("id"))));
    }
  }
}
