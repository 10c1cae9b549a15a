package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
import static org.boxoffice.payments.PaymentFixtures.book;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.intentOf;
import static org.boxoffice.payments.PaymentFixtures.outboxRows;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.PaymentFixtures.tickets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A copy of the server configured with Stripe's real client pointed at WireMock (started in this
 * JVM), Stripe's webhook secret, and SMTP pointed at GreenMail (also in this JVM). The circuit
 * breaker test runs last: it leaves the circuit open for a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripePaymentsAndEmailIT {
  static final String WEBHOOK_SECRET = "whsec_test_boxoffice_0123456789";
  static WireMockServer stripe;
  static GreenMail smtp;
  static ServerSetup smtpSetup;
  static LibertyServer copy;
  static Map<String, String> env;
  static User organizer;
  static User attendee;

  @BeforeAll
  static void start() {
    PaymentFixtures.awaitApplication();
    stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stripe.start();
    stubStripe();
    smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(smtpSetup);
    smtp.start();
    env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("STRIPE_API_KEY", "sk_test_dummy");
    env.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + stripe.port());
    env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", String.valueOf(smtpSetup.getPort()));
    env.put("SMTP_FROM", "Boxoffice <tickets@boxoffice.test>");
    env.put("BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_REFUND_RETRY_SECONDS", "2");
    // Like the main test server: the tests' own traffic must not trip the per-client limits.
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    copy = LibertyServer.copyOfMain("boxoffice-stripe", LibertyServer.port(11), env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
    if (stripe != null) {
      stripe.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  static void stubStripe() {
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(
                okJson(
                        """
                        {"id": "pi_{{request.headers.[Idempotency-Key]}}", "object": "payment_intent",
                         "client_secret": "pi_{{request.headers.[Idempotency-Key]}}_secret_test",
                         "amount": 2000, "currency": "eur", "status": "requires_payment_method",
                         "metadata": {}}
                        """)
                    .withTransformers("response-template")));
    stripe.stubFor(
        post(urlEqualTo("/v1/refunds"))
            .willReturn(
                okJson(
                        """
                        {"id": "re_{{request.headers.[Idempotency-Key]}}", "object": "refund",
                         "status": "succeeded"}
                        """)
                    .withTransformers("response-template")));
  }

  @Test
  @Order(1)
  void a_booking_creates_a_payment_intent_at_stripe_keyed_by_the_booking_for_the_final_amount() {
    long eventId = publishedEvent(api(organizer), "Stripe test", 10, "10.00");

    JsonObject booking = booked(api(attendee), eventId, 2);

    JsonObject payment = booking.getJsonObject("payment");
    assertThat(payment.getString("provider")).isEqualTo("stripe");
    assertThat(payment.getString("paymentIntentId")).isEqualTo("pi_booking-" + id(booking));
    assertThat(payment.getString("clientSecret"))
        .isEqualTo("pi_booking-" + id(booking) + "_secret_test");
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo("booking-" + id(booking)))
            .withHeader("Authorization", equalTo("Bearer sk_test_dummy"))
            .withRequestBody(containing("amount=2000"))
            .withRequestBody(containing("currency=eur"))
            .withRequestBody(containing("metadata[bookingId]=" + id(booking))));
  }

  @Test
  @Order(2)
  void a_signed_succeeded_webhook_confirms_once_however_often_and_in_whatever_order_it_comes() {
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
  @Order(3)
  void a_failed_payment_leaves_the_booking_pending_and_counts_it() {
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
  @Order(4)
  void forged_stale_or_unsigned_webhooks_are_refused_and_change_nothing() {
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
        copy.api()
            .send(
                HttpRequest.newBuilder(copy.api().resolve("/payments/stripe/webhook"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build());
    assertThat(unsigned.status()).isEqualTo(400);
    String notJson = "{{{";
    assertThat(webhook(notJson, sign(notJson, Instant.now())).status()).isEqualTo(400);

    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
    assertThat(tickets(id(booking))).isZero();
  }

  @Test
  @Order(5)
  void the_sandbox_endpoint_does_not_exist_when_stripe_is_configured() {
    long eventId = publishedEvent(api(organizer), "Stripe no sandbox", 10, "10.00");
    JsonObject booking = booked(api(attendee), eventId, 1);

    ApiResponse refused =
        api(attendee).post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(refused.status()).isEqualTo(404);
    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
  }

  @Test
  @Order(6)
  void an_organizer_refund_goes_to_stripe_with_its_own_key_and_charge_refunded_reconciles() {
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
    stripe.verify(
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

  @Test
  @Order(7)
  void the_confirmation_email_has_text_and_html_the_tickets_pdf_and_the_calendar()
      throws Exception {
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Jazz <b>&</b> Blues", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 2);

    MimeMessage mail = awaitMail(buyer.email(), 1).get(0);

    assertThat(mail.getSubject()).isEqualTo("Your tickets for Jazz <b>&</b> Blues");
    assertThat(mail.getMessageID()).isEqualTo(expectedMessageId(id(booking), "confirmation"));
    List<BodyPart> parts = parts((Multipart) mail.getContent());
    Multipart alternative = (Multipart) parts.get(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    String text = (String) alternative.getBodyPart(0).getContent();
    String html = (String) alternative.getBodyPart(1).getContent();
    assertThat(text).contains("Jazz <b>&</b> Blues").contains("booking " + id(booking));
    assertThat(html).contains("Jazz &lt;b&gt;&amp;&lt;/b&gt; Blues").doesNotContain("<b>&</b>");
    assertThat(parts.get(1).getFileName()).isEqualTo("tickets-" + id(booking) + ".pdf");
    byte[] pdf = parts.get(1).getInputStream().readAllBytes();
    assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(parts.get(2).getFileName()).isEqualTo("event-" + eventId + ".ics");
    assertThat(new String(parts.get(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("BEGIN:VCALENDAR");
    awaitSent(id(booking));
  }

  @Test
  @Order(8)
  void an_email_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Sent twice", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 1);
    MimeMessage first = awaitMail(buyer.email(), 1).get(0);
    awaitSent(id(booking));

    // As if the server died after SMTP accepted the email, before the row was marked SENT.
    Db.update(
        "UPDATE outbox SET status = 'QUEUED', sent_at = NULL, next_attempt_at = now()"
            + " WHERE booking_id = ?",
        id(booking));

    List<MimeMessage> both = awaitMail(buyer.email(), 2);
    assertThat(both).hasSize(2);
    assertThat(both.get(1).getMessageID())
        .isEqualTo(first.getMessageID())
        .isEqualTo(expectedMessageId(id(booking), "confirmation"));
  }

  @Test
  @Order(9)
  void an_email_waits_while_smtp_is_down_is_retried_and_sent_once_it_is_back() throws Exception {
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "SMTP outage", 10, "0");
    smtp.stop();
    JsonObject booking;
    try {
      booking = booked(api(buyer), eventId, 1);
      PaymentFixtures.await(
          () ->
              Db.number(
                      "SELECT count(*) FROM outbox WHERE booking_id = ? AND status = 'QUEUED'"
                          + " AND attempts >= 2 AND last_error IS NOT NULL",
                      id(booking))
                  == 1,
          Duration.ofSeconds(90),
          "the email was not retried while SMTP was down");
      PaymentFixtures.await(
          () -> {
            long waiting = Db.number("SELECT count(*) FROM outbox WHERE status = 'QUEUED'");
            return waiting >= 1 && gauge("outbox_queued") == waiting;
          },
          Duration.ofSeconds(30),
          "outbox_queued does not show the waiting email");
    } finally {
      smtp = new GreenMail(smtpSetup);
      smtp.start();
    }
    assertThat(awaitMail(buyer.email(), 1)).hasSize(1);
    awaitSent(id(booking));
  }

  @Test
  @Order(10)
  void metrics_show_how_many_emails_wait_and_how_many_were_given_up() {
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Dead letter", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 1);
    awaitSent(id(booking));
    long deadBefore = Db.number("SELECT count(*) FROM outbox WHERE status = 'DEAD'");

    // As if its attempts had run out.
    Db.update("UPDATE outbox SET status = 'DEAD' WHERE booking_id = ?", id(booking));

    PaymentFixtures.await(
        () -> gauge("outbox_dead") == deadBefore + 1,
        Duration.ofSeconds(30),
        "outbox_dead does not count the dead email");
    PaymentFixtures.await(
        () ->
            gauge("outbox_queued")
                == Db.number("SELECT count(*) FROM outbox WHERE status = 'QUEUED'"),
        Duration.ofSeconds(30),
        "outbox_queued does not agree with the table");
  }

  @Test
  @Order(11)
  void two_servers_sending_the_same_outbox_send_each_email_exactly_once() throws Exception {
    try (LibertyServer second =
        LibertyServer.copyOfMain("boxoffice-stripe-b", LibertyServer.port(12), env)) {
      second.start().awaitReady(200, Duration.ofMinutes(4));
      User buyer = Accounts.attendee();
      long eventId = publishedEvent(api(organizer), "Two senders", 20, "0");
      List<Long> bookings = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Api api = (i % 2 == 0 ? copy.api() : second.api()).as(buyer.token());
        bookings.add(id(booked(api, eventId, 1)));
      }
      PaymentFixtures.await(
          () ->
              Db.number(
                      "SELECT count(*) FROM outbox WHERE kind = 'confirmation' AND status = 'SENT'"
                          + " AND recipient = ?",
                      buyer.email())
                  == 6,
          Duration.ofSeconds(90),
          "not every email was sent");
      Thread.sleep(3_000);
      MimeMessage[] received = bookingMails(buyer.email());
      assertThat(received).hasSize(6);
      for (Long bookingId : bookings) {
        assertThat(
                Arrays.stream(received).filter(m -> bodyMentions(m, "booking " + bookingId + " ")))
            .hasSize(1);
      }
    }
  }

  @Test
  @Order(12)
  void when_stripe_fails_the_circuit_opens_bookings_get_503_fast_and_no_seat_stays_held()
      throws Exception {
    long eventId = publishedEvent(api(organizer), "Stripe outage", 6, "10.00");
    StubMapping failing =
        stripe.stubFor(
            post(urlEqualTo("/v1/payment_intents"))
                .atPriority(1)
                .willReturn(
                    aResponse().withStatus(500).withBody("{\"error\": {\"message\": \"boom\"}}")));
    try {
      for (int i = 0; i < 2; i++) {
        ApiResponse refused = book(api(attendee), eventId, 2);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(availableSeats(eventId)).isEqualTo(6);
      }
      int callsBefore = stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))).size();

      ApiResponse whileOpen = book(api(attendee), eventId, 2);

      assertThat(whileOpen.status()).isEqualTo(503);
      // What is left of the breaker's 10 s open delay.
      assertThat(Long.parseLong(whileOpen.header("Retry-After"))).isBetween(1L, 10L);
      // Failing fast: the open circuit did not even call Stripe.
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))))
          .hasSize(callsBefore);
      assertThat(readinessData(copy.api()).getString("stripeCircuit")).isEqualTo("open");
      assertThat(copy.api().get("/health/ready").status()).isEqualTo(200);
      assertThat(copy.api().get("/metrics").body())
          .containsPattern("payment_circuit_open\\{mp_scope=\"application\",?} 1");

      // Stripe now hangs instead: once the circuit half-opens, the timeout fails the attempt.
      stripe.removeStub(failing);
      failing =
          stripe.stubFor(
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
      stripe.removeStub(failing);
    }
    Thread.sleep(11_000);
    ApiResponse recovered = book(api(attendee), eventId, 2);
    assertThat(recovered.status()).as(recovered.toString()).isEqualTo(201);
    assertThat(availableSeats(eventId)).isEqualTo(4);
  }

  @Test
  @Order(13)
  void a_server_killed_mid_webhook_confirms_exactly_once_when_stripe_resends() throws Exception {
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Crash drill", 10, "10.00");
    JsonObject booking = booked(api(buyer), eventId, 2);
    String payload =
        event("evt_drill_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    Map<String, String> drillEnv = new HashMap<>(env);
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
    try (LibertyServer restarted = LibertyServer.copyOfMain("boxoffice-stripe-k", port, env)) {
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

  /**
   * A payment arrives after its hold expired and its seats were sold: the webhook's transaction
   * books the refund and the attendee's email with the decision. The server then dies (kill -9)
   * while its call to Stripe is on the way (its Stripe is a socket that never answers), and another
   * server's refund sweep sends the refund: once at Stripe, with the same idempotency key, one
   * refund email.
   */
  @Test
  @Order(14)
  void a_late_payments_refund_cut_off_by_a_crash_is_sent_once_by_another_servers_sweep()
      throws Exception {
    User late = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Late and sold out", 2, "10.00");
    JsonObject booking = booked(api(late), eventId, 2);
    SandboxPaymentsIT.lapse(id(booking));
    booked(api(attendee), eventId, 2);
    String payload =
        event("evt_late_" + id(booking), "payment_intent.succeeded", intent(intentOf(booking)));
    Map<String, String> drillEnv = new HashMap<>(env);
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

    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/refunds"))
            .withRequestBody(containing("payment_intent=" + intentOf(booking))));
    stripe.verify(
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
    assertThat(mails.get(0).getSubject()).startsWith("Refund of 20.00 EUR");
  }

  /**
   * A Stripe that takes requests and never answers: the test sees the first request arrive, so it
   * knows the server is inside its call to Stripe.
   */
  static final class SilentStripe implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> first = new CompletableFuture<>();

    SilentStripe() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::accept, "silent-stripe");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    String firstRequest(Duration timeout) throws Exception {
      return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
      try {
        while (true) {
          Socket client = socket.accept();
          held.add(client);
          first.complete(headersOf(client));
        }
      } catch (IOException closed) {
        first.completeExceptionally(closed);
      }
    }

    private static String headersOf(Socket client) throws IOException {
      StringBuilder head = new StringBuilder();
      int c;
      while (head.indexOf("\r\n\r\n") < 0 && (c = client.getInputStream().read()) >= 0) {
        head.append((char) c);
      }
      return head.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket client : held) {
        client.close();
      }
    }
  }

  /** {@code <outbox.<row id>.<created at, epoch ms>@boxoffice.test>}, from SMTP_FROM's domain. */
  static String expectedMessageId(long bookingId, String kind) {
    Map<String, Object> row =
        Db.query(
                "SELECT id, floor(extract(epoch FROM created_at) * 1000)::bigint AS millis"
                    + " FROM outbox WHERE booking_id = ? AND kind = ?",
                bookingId,
                kind)
            .get(0);
    return "<outbox." + row.get("id") + "." + row.get("millis") + "@boxoffice.test>";
  }

  static void awaitSent(long bookingId) {
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM outbox WHERE booking_id = ? AND status = 'SENT'",
                    bookingId)
                == 1,
        Duration.ofSeconds(30),
        "the outbox row was not marked SENT");
  }

  /** An application counter of the copy's {@code /metrics}, e.g. {@code payments_failed_total}. */
  static double counter(String name) {
    Matcher m =
        Pattern.compile(
                "^" + Pattern.quote(name) + "\\{mp_scope=\"application\",?} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(copy.api().get("/metrics?scope=application").body());
    if (!m.find()) {
      throw new AssertionError("no counter " + name + " in /metrics");
    }
    return Double.parseDouble(m.group(1));
  }

  /** An application gauge of the copy's {@code /metrics}, e.g. {@code outbox_queued}. */
  static long gauge(String name) {
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{mp_scope=\"application\",?} ([0-9.E+-]+)$", Pattern.MULTILINE)
            .matcher(copy.api().get("/metrics?scope=application").body());
    if (!m.find()) {
      throw new AssertionError("no gauge " + name + " in /metrics");
    }
    return (long) Double.parseDouble(m.group(1));
  }

  static Api api(User user) {
    return copy.api().as(user.token());
  }

  static ApiResponse webhook(String payload, String signature) {
    return copy.api()
        .withHeader("Stripe-Signature", signature)
        .post("/payments/stripe/webhook", payload);
  }

  static String intent(String intentId) {
    return """
        {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "eur",
         "status": "succeeded", "metadata": {}}"""
        .formatted(intentId);
  }

  static String event(String id, String type, String object) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-01-27.acacia", "created": %d,
         "livemode": false, "type": "%s", "data": {"object": %s}}"""
        .formatted(id, Instant.now().getEpochSecond(), type, object);
  }

  static String sign(String payload, Instant at) {
    return signWith(WEBHOOK_SECRET, payload, at);
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=hex(HMAC-SHA256(secret, t + "." + payload))}. */
  static String signWith(String secret, String payload, Instant at) {
    try {
      long t = at.getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject readinessData(Api api) {
    return api.get("/health/ready").json().getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("payments"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  static List<MimeMessage> awaitMail(String recipient, int count) {
    PaymentFixtures.await(
        () -> bookingMails(recipient).length >= count,
        Duration.ofSeconds(90),
        "no email for " + recipient);
    return List.of(bookingMails(recipient));
  }

  /**
   * What GreenMail received for this address, minus the address-verification email that every
   * account registered by the tests also gets through the same outbox.
   */
  static MimeMessage[] bookingMails(String recipient) {
    return Arrays.stream(smtp.getReceivedMessagesForDomain(recipient))
        .filter(
            m -> {
              try {
                return !m.getSubject().startsWith("Confirm your email address");
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toArray(MimeMessage[]::new);
  }

  static List<BodyPart> parts(Multipart multipart) throws Exception {
    List<BodyPart> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      parts.add(multipart.getBodyPart(i));
    }
    return parts;
  }

  static boolean bodyMentions(MimeMessage message, String text) {
    try {
      Multipart alternative =
          (Multipart) parts((Multipart) message.getContent()).get(0).getContent();
      return ((String) alternative.getBodyPart(0).getContent()).contains(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
