package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
import static org.boxoffice.payments.PaymentFixtures.book;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.copy;
import static org.boxoffice.payments.StripeCopyServer.readinessData;
import static org.boxoffice.payments.StripeCopyServer.stripe;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What buyers see while Stripe is down or hangs, and how bookings recover once it is back. The test
 * waits for the circuit to close again before it ends, so the shared copy is left as found.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripeCircuitBreakerIT {
  @Test
  void when_stripe_fails_the_circuit_opens_bookings_get_503_fast_and_no_seat_stays_held()
      throws Exception {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Stripe outage", 6, "10.00");
    StubMapping failing =
        stripe()
            .stubFor(
                post(urlEqualTo("/v1/payment_intents"))
                    .atPriority(1)
                    .willReturn(
                        aResponse()
                            .withStatus(500)
                            .withBody("{\"error\": {\"message\": \"boom\"}}")));
    try {
      for (int i = 0; i < 2; i++) {
        ApiResponse refused = book(api(attendee), eventId, 2);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(availableSeats(eventId)).isEqualTo(6);
      }
      int callsBefore =
          stripe().findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size();

      ApiResponse whileOpen = book(api(attendee), eventId, 2);

      assertThat(whileOpen.status()).isEqualTo(503);
      // What is left of the breaker's 10 s open delay.
      assertThat(Long.parseLong(whileOpen.header("Retry-After"))).isBetween(1L, 10L);
      // Failing fast: the open circuit did not even call Stripe.
      assertThat(stripe().findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))))
          .hasSize(callsBefore);
      assertThat(readinessData(copy().api()).getString("stripeCircuit")).isEqualTo("open");
      assertThat(copy().api().get("/health/ready").status()).isEqualTo(200);
      assertThat(copy().api().get("/metrics").body())
          .containsPattern("payment_circuit_open\\{mp_scope=\"application\",?} 1");

      // Stripe now hangs instead: once the circuit half-opens, the timeout fails the attempt.
      stripe().removeStub(failing);
      failing =
          stripe()
              .stubFor(
                  post(urlEqualTo("/v1/payment_intents"))
                      .atPriority(1)
                      .willReturn(okJson("{}").withFixedDelay(8_000)));
      Thread.sleep(11_000);
      ApiResponse timedOut = book(api(attendee), eventId, 2);
      assertThat(timedOut.status()).isEqualTo(503);
      assertThat(availableSeats(eventId)).isEqualTo(6);
      assertThat(
              Db.number(
                  "SELECT count(*) FROM bookings WHERE event_id = ? AND status IN ('PENDING', 'CONFIRMED')",
                  eventId))
          .isZero();
    } finally {
      stripe().removeStub(failing);
    }
    Thread.sleep(11_000);
    ApiResponse recovered = book(api(attendee), eventId, 2);
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(201);
    assertThat(availableSeats(eventId)).isEqualTo(4);
  }
}
