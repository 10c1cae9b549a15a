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
import static org.boxoffice.payments.StripeCopyServer.awaitMail;
import static org.boxoffice.payments.StripeCopyServer.bookingMails;
import static org.boxoffice.payments.StripeCopyServer.env;
import static org.boxoffice.payments.StripeEvents.event;
import static org.boxoffice.payments.StripeEvents.intent;
import static org.boxoffice.payments.StripeEvents.sign;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server killed in the middle of a webhook: Stripe re-sends it and the booking is confirmed once.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripeCrashDrillIT {
  @Test
  void a_server_killed_mid_webhook_confirms_exactly_once_when_stripe_resends() throws Exception {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Crash drill", 10, "10.00");
    JsonObject booking = booked(api(buyer), eventId, 2);
    String payload =
        event("evt_drill_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    Map<String, String> drillEnv = new HashMap<>(env());
    drillEnv.put("BOXOFFICE_PAYMENTS_CRASH_DRILL_MILLIS", "90000");
    int port = LibertyServer.port(13);
    try (LibertyServer drill = LibertyServer.copyOfMain("boxoffice-stripe-k", port, drillEnv)) {
      drill.start().awaitReady(200, Duration.ofMinutes(4));
      CompletableFuture<Boolean> inFlight =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return drill
                          .api()
                          .withHeader("Stripe-Signature", sign(payload, Instant.now()))
                          .post("/payments/stripe/webhook", payload)
                          .status()
                      == 200;
                } catch (RuntimeException connectionLost) {
                  return false;
                }
              });
      PaymentFixtures.await(
          () -> drill.messages().contains("CRASH DRILL: holding the transaction of evt_drill_"),
          Duration.ofSeconds(60),
          "the webhook never reached its transaction");

      ProcessHandle.of(drill.pid()).orElseThrow().destroyForcibly();

      assertThat(inFlight.get(60, TimeUnit.SECONDS)).as("Stripe saw no 200").isFalse();
      assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
      assertThat(tickets(id(booking))).isZero();
      assertThat(outboxRows(id(booking), "confirmation")).isZero();
    }
    try (LibertyServer restarted = LibertyServer.copyOfMain("boxoffice-stripe-k", port, env())) {
      restarted.start().awaitReady(200, Duration.ofMinutes(4));
      for (int delivery = 0; delivery < 2; delivery++) {
        ApiResponse resent =
            restarted
                .api()
                .withHeader("Stripe-Signature", sign(payload, Instant.now()))
                .post("/payments/stripe/webhook", payload);
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
      }
    }
    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
    assertThat(tickets(id(booking))).isEqualTo(2);
    assertThat(outboxRows(id(booking), "confirmation")).isEqualTo(1);
    assertThat(awaitMail(buyer.email(), 1)).hasSize(1);
    Thread.sleep(3_000);
    assertThat(bookingMails(buyer.email())).hasSize(1);
  }
}
