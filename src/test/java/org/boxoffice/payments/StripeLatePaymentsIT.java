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
import static org.boxoffice.payments.PaymentFixtures.outboxRows;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.PaymentFixtures.tickets;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.awaitMail;
import static org.boxoffice.payments.StripeCopyServer.bookingMails;
import static org.boxoffice.payments.StripeCopyServer.env;
import static org.boxoffice.payments.StripeCopyServer.stripe;
import static org.boxoffice.payments.StripeCopyServer.webhook;
import static org.boxoffice.payments.StripeEvents.event;
import static org.boxoffice.payments.StripeEvents.intent;
import static org.boxoffice.payments.StripeEvents.sign;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payment that arrives after its seats were sold to someone else is refunded, once, even across a
 * crash.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class StripeLatePaymentsIT {
  /**
   * A payment arrives after its hold expired and its seats were sold: the webhook's transaction
   * books the refund and the attendee's email with the decision. The server then dies (kill -9)
   * while its call to Stripe is on the way (its Stripe is a socket that never answers), and another
   * server's refund sweep sends the refund: once at Stripe, with the same idempotency key, one
   * refund email.
   */
  @Test
  void a_late_payments_refund_cut_off_by_a_crash_is_sent_once_by_another_servers_sweep()
      throws Exception {
    User organizer = Accounts.organizer();
    User attendee = Accounts.attendee();
    User late = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Late and sold out", 2, "10.00");
    JsonObject booking = booked(api(late), eventId, 2);
    SandboxPaymentsIT.lapse(id(booking));
    booked(api(attendee), eventId, 2);
    String payload =
        event("evt_late_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    Map<String, String> drillEnv = new HashMap<>(env());
    // Its emails are left to the other server: a kill mid-SMTP would re-send one (at least once).
    drillEnv.remove("SMTP_HOST");
    try (SilentStripe silent = new SilentStripe()) {
      drillEnv.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + silent.port());
      try (LibertyServer drill =
          LibertyServer.copyOfMain("boxoffice-stripe-late", LibertyServer.port(28), drillEnv)) {
        drill.start().awaitReady(200, Duration.ofMinutes(4));

        ApiResponse answered =
            drill
                .api()
                .withHeader("Stripe-Signature", sign(payload, Instant.now()))
                .post("/payments/stripe/webhook", payload);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        String request = silent.firstRequest(Duration.ofSeconds(30));

        ProcessHandle.of(drill.pid()).orElseThrow().destroyForcibly();

        long refundId =
            Db.number(
                "SELECT id FROM refunds WHERE booking_id = ? AND reason = 'SEATS_GONE'",
                id(booking));
        assertThat(request)
            .startsWith("POST /v1/refunds")
            .containsIgnoringCase("Idempotency-Key: refund-" + refundId);
        assertThat(outboxRows(id(booking), "refund")).isEqualTo(1);
      }
    }
    long refundId = Db.number("SELECT id FROM refunds WHERE booking_id = ?", id(booking));
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE id = ? AND status = 'SUCCEEDED'", refundId)
                == 1,
        Duration.ofSeconds(60),
        "the sweep did not finish the refund");
    // Stripe resends the event to the surviving server: nothing more happens.
    ApiResponse resent = webhook(payload, sign(payload, Instant.now()));
    assertThat(resent.status()).as(resent.toString()).isEqualTo(200);

    stripe()
        .verify(
            1,
            postRequestedFor(urlEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=" + intentOf(booking))));
    stripe()
        .verify(
            postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund-" + refundId))
                .withRequestBody(containing("amount=2000")));
    assertThat(Db.number("SELECT count(*) FROM refunds WHERE booking_id = ?", id(booking)))
        .isEqualTo(1);
    assertThat(Db.query("SELECT status FROM payments WHERE booking_id = ?", id(booking)))
        .containsExactly(Map.of("status", "REFUNDED"));
    assertThat(bookingStatus(id(booking))).isEqualTo("EXPIRED");
    assertThat(tickets(id(booking))).isZero();
    assertThat(availableSeats(eventId)).isZero();
    List<MimeMessage> mails = awaitMail(late.email(), 1);
    Thread.sleep(3_000);
    assertThat(bookingMails(late.email())).hasSize(1);
    assertThat(mails.get(0).getSubject()).startsWith("Refund of €20.00");
  }
}
