package org.boxoffice.payments;

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
import static org.boxoffice.payments.PaymentFixtures.validTickets;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main test server has no Stripe key: it pays through the clearly labelled sandbox. */
class SandboxPaymentsIT {
  static User organizer;
  static User attendee;
  static User stranger;

  @BeforeAll
  static void people() {
    PaymentFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
    stranger = Accounts.attendee();
  }

  @Test
  void a_paid_booking_carries_a_sandbox_payment_intent_keyed_by_the_booking() {
    long eventId = publishedEvent(organizer, 10, "20.00");

    JsonObject booking = booked(attendee.api(), eventId, 2);

    assertThat(booking.getString("status")).isEqualTo("PENDING");
    JsonObject payment = booking.getJsonObject("payment");
    assertThat(payment.getString("provider")).isEqualTo("sandbox");
    assertThat(payment.getString("paymentIntentId")).isEqualTo("pi_sandbox_booking_" + id(booking));
    assertThat(payment.getString("clientSecret")).startsWith(payment.getString("paymentIntentId"));
    List<Map<String, Object>> rows =
        Db.query(
            "SELECT provider, intent_id, amount, status FROM payments WHERE booking_id = ?",
            id(booking));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("intent_id")).isEqualTo(intentOf(booking));
    assertThat((BigDecimal) rows.get(0).get("amount")).isEqualByComparingTo("40.00");
    assertThat(rows.get(0).get("status")).isEqualTo("REQUIRES_PAYMENT");
    assertThat(tickets(id(booking))).isZero();
  }

  /**
   * Concurrent bookings' payment records are stored together, in one transaction per batch: each
   * answer still carries its own booking's intent, and each booking has exactly one payment row.
   */
  @Test
  void concurrent_paid_bookings_each_get_their_own_payment_stored_once() throws Exception {
    long eventId = publishedEvent(organizer, 200, "15.00");
    List<User> buyers = java.util.stream.Stream.generate(Accounts::attendee).limit(6).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(24);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<JsonObject>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 48; i++) {
        User buyer = buyers.get(i % buyers.size());
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return booked(buyer.api(), eventId, 1);
                }));
      }
      start.countDown();
      java.util.Set<String> intents = new java.util.HashSet<>();
      for (var answer : answers) {
        JsonObject booking = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        String intent = booking.getJsonObject("payment").getString("paymentIntentId");
        assertThat(intent).isEqualTo("pi_sandbox_booking_" + id(booking));
        intents.add(intent);
      }
      assertThat(intents).hasSize(48);
    } finally {
      pool.shutdownNow();
    }
    List<Map<String, Object>> rows =
        Db.query(
            "SELECT count(*) AS payments, count(DISTINCT p.booking_id) AS bookings,"
                + " count(*) FILTER (WHERE p.amount = b.final_amount AND p.user_id = b.user_id)"
                + " AS matching FROM payments p JOIN bookings b ON b.id = p.booking_id"
                + " WHERE b.event_id = ?",
            eventId);
    assertThat(rows.get(0))
        .containsEntry("payments", 48L)
        .containsEntry("bookings", 48L)
        .containsEntry("matching", 48L);
  }

  @Test
  void paying_in_the_sandbox_confirms_the_booking_with_one_ticket_per_seat_and_queues_the_email() {
    long eventId = publishedEvent(organizer, 10, "20.00");
    JsonObject booking = booked(attendee.api(), eventId, 3);

    ApiResponse paid =
        attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("CONFIRMED");
    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
    ApiResponse listed = attendee.api().get("/bookings/" + id(booking) + "/tickets");
    assertThat(listed.status()).isEqualTo(200);
    List<JsonObject> tickets =
        listed.json().getJsonArray("data").stream().map(JsonValue::asJsonObject).toList();
    assertThat(tickets).hasSize(3);
    assertThat(tickets)
        .allSatisfy(
            t -> {
              assertThat(t.getString("ticketNumber")).matches("BX-[0-9A-Z]{4}-[0-9A-Z]{4}");
              assertThat(t.getString("qrCode")).startsWith("BX1." + t.getJsonNumber("id") + ".");
              assertThat(t.getString("status")).isEqualTo("VALID");
              assertThat(t.isNull("checkedInAt")).isTrue();
            });
    assertThat(tickets.stream().map(t -> t.getString("ticketNumber")).distinct()).hasSize(3);
    assertThat(outboxRows(id(booking), "confirmation")).isEqualTo(1);
    assertThat(
            Db.query(
                "SELECT recipient, status FROM outbox WHERE booking_id = ? AND kind = 'confirmation'",
                id(booking)))
        .containsExactly(Map.of("recipient", attendee.email(), "status", "QUEUED"));
    assertThat(Db.query("SELECT status FROM payments WHERE booking_id = ?", id(booking)))
        .containsExactly(Map.of("status", "SUCCEEDED"));
  }

  @Test
  void paying_twice_issues_the_tickets_and_the_email_once() {
    long eventId = publishedEvent(organizer, 10, "15.00");
    JsonObject booking = booked(attendee.api(), eventId, 2);
    String path = "/payments/sandbox/" + intentOf(booking) + "/confirm";

    assertThat(attendee.api().post(path, "").status()).isEqualTo(200);
    ApiResponse again = attendee.api().post(path, "");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.data().getString("status")).isEqualTo("CONFIRMED");
    assertThat(tickets(id(booking))).isEqualTo(2);
    assertThat(outboxRows(id(booking), "confirmation")).isEqualTo(1);
  }

  @Test
  void a_free_booking_is_confirmed_at_once_with_its_tickets_and_email() {
    long eventId = publishedEvent(organizer, 10, "0");

    JsonObject booking = booked(attendee.api(), eventId, 2);

    assertThat(booking.getString("status")).isEqualTo("CONFIRMED");
    assertThat(booking.isNull("payment")).isTrue();
    assertThat(tickets(id(booking))).isEqualTo(2);
    assertThat(outboxRows(id(booking), "confirmation")).isEqualTo(1);
    assertThat(Db.number("SELECT count(*) FROM payments WHERE booking_id = ?", id(booking)))
        .isZero();
  }

  @Test
  void another_users_intent_is_not_found_and_nothing_changes() {
    long eventId = publishedEvent(organizer, 10, "20.00");
    JsonObject booking = booked(attendee.api(), eventId, 1);

    ApiResponse theirs =
        stranger.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
  }

  @Test
  void bad_input_to_the_sandbox_endpoint_is_refused_without_a_500() {
    assertThat(attendee.api().post("/payments/sandbox/pi_nope/confirm", "").status())
        .isEqualTo(404);
    ApiResponse odd = attendee.api().post("/payments/sandbox/pi%20x;drop/confirm", "");
    assertThat(odd.status()).isIn(400, 404);
    assertThat(Api.server().post("/payments/sandbox/pi_nope/confirm", "").status()).isEqualTo(401);
    ApiResponse huge = attendee.api().post("/payments/sandbox/" + "p".repeat(300) + "/confirm", "");
    assertThat(huge.status()).isEqualTo(400);
  }

  @Test
  void the_webhook_refuses_everything_when_no_webhook_secret_is_configured() {
    ApiResponse answer =
        Api.server()
            .withHeader("Stripe-Signature", "t=1,v1=00")
            .post("/payments/stripe/webhook", "{\"id\": \"evt_1\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void a_payment_after_the_hold_lapsed_takes_the_seats_again_when_they_are_still_free() {
    long eventId = publishedEvent(organizer, 5, "10.00");
    JsonObject booking = booked(attendee.api(), eventId, 2);
    lapse(id(booking));
    assertThat(availableSeats(eventId)).isEqualTo(5);

    ApiResponse paid =
        attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
    assertThat(availableSeats(eventId)).isEqualTo(3);
    assertThat(validTickets(id(booking))).isEqualTo(2);
  }

  @Test
  void a_payment_after_the_hold_lapsed_and_the_seats_sold_is_refunded_and_the_attendee_told() {
    long eventId = publishedEvent(organizer, 2, "10.00");
    JsonObject late = booked(attendee.api(), eventId, 2);
    lapse(id(late));
    JsonObject sooner = booked(stranger.api(), eventId, 2);
    assertThat(id(sooner)).isNotEqualTo(id(late));

    ApiResponse paid = attendee.api().post("/payments/sandbox/" + intentOf(late) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("EXPIRED");
    assertThat(tickets(id(late))).isZero();
    assertThat(availableSeats(eventId)).isZero();
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ? AND reason = 'SEATS_GONE'"
                        + " AND status = 'SUCCEEDED' AND amount = 20.00",
                    id(late))
                == 1,
        Duration.ofSeconds(30),
        "the late payment was not refunded");
    assertThat(outboxRows(id(late), "refund")).isEqualTo(1);
  }

  @Test
  void a_late_payment_that_takes_the_seats_again_takes_its_coupon_use_again() {
    long eventId = publishedEvent(organizer, 10, "10.00");
    long couponId = coupon(eventId, "LATE2", 2);
    JsonObject late = bookedWithCoupon(attendee, eventId, "LATE2");
    lapse(id(late));
    assertThat(couponUses(couponId)).isZero();
    bookedWithCoupon(stranger, eventId, "late2");

    ApiResponse paid = attendee.api().post("/payments/sandbox/" + intentOf(late) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("CONFIRMED");
    assertThat(couponUses(couponId)).isEqualTo(2);
    assertCouponUsesMatchItsBookings(couponId);
    assertThat(validTickets(id(late))).isEqualTo(2);
    assertThat(availableSeats(eventId)).isEqualTo(6);
  }

  @Test
  void a_late_payment_whose_coupon_was_used_up_meanwhile_is_refunded_and_keeps_the_limit() {
    long eventId = publishedEvent(organizer, 10, "10.00");
    long couponId = coupon(eventId, "LAST1", 1);
    JsonObject late = bookedWithCoupon(attendee, eventId, "LAST1");
    lapse(id(late));
    bookedWithCoupon(stranger, eventId, "LAST1");
    assertThat(couponUses(couponId)).isEqualTo(1);

    ApiResponse paid = attendee.api().post("/payments/sandbox/" + intentOf(late) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("EXPIRED");
    assertThat(couponUses(couponId)).isEqualTo(1);
    assertCouponUsesMatchItsBookings(couponId);
    assertThat(tickets(id(late))).isZero();
    // The seats it held for a moment went back with the refusal.
    assertThat(availableSeats(eventId)).isEqualTo(8);
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ? AND reason = 'COUPON_USED_UP'"
                        + " AND status = 'SUCCEEDED' AND amount = 18.00",
                    id(late))
                == 1,
        Duration.ofSeconds(30),
        "the late payment was not refunded");
    assertThat(outboxRows(id(late), "refund")).isEqualTo(1);
    assertThat(
            (String)
                Db.query(
                        "SELECT text_body FROM outbox WHERE booking_id = ? AND kind = 'refund'",
                        id(late))
                    .get(0)
                    .get("text_body"))
        .contains("last use of your coupon");
  }

  @Test
  void a_payment_for_a_booking_cancelled_before_it_was_paid_is_refunded_not_revived() {
    long eventId = publishedEvent(organizer, 10, "10.00");
    JsonObject booking = booked(attendee.api(), eventId, 1);
    assertThat(attendee.api().post("/bookings/" + id(booking) + "/cancel", "{}").status())
        .isEqualTo(200);

    ApiResponse paid =
        attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("CANCELLED");
    assertThat(tickets(id(booking))).isZero();
    assertThat(availableSeats(eventId)).isEqualTo(10);
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ? AND reason = 'BOOKING_CLOSED'"
                        + " AND status = 'SUCCEEDED' AND amount = 10.00",
                    id(booking))
                == 1,
        Duration.ofSeconds(30),
        "the payment of the cancelled booking was not refunded");
  }

  @Test
  void cancelling_an_event_refunds_its_paid_bookings_and_tells_everyone_in_its_own_words() {
    long eventId = publishedEvent(organizer, 10, "12.00");
    JsonObject paid = booked(attendee.api(), eventId, 2);
    attendee.api().post("/payments/sandbox/" + intentOf(paid) + "/confirm", "");
    JsonObject unpaid = booked(stranger.api(), eventId, 1);

    ApiResponse cancelled = organizer.api().post("/events/" + eventId + "/cancel", "{}");

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(bookingStatus(id(paid))).isEqualTo("CANCELLED");
    assertThat(bookingStatus(id(unpaid))).isEqualTo("CANCELLED");
    assertThat(validTickets(id(paid))).isZero();
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ?"
                        + " AND reason = 'EVENT_CANCELLED' AND status = 'SUCCEEDED'"
                        + " AND amount = 24.00",
                    id(paid))
                == 1,
        Duration.ofSeconds(30),
        "the paid booking of the cancelled event was not refunded");
    assertThat(Db.number("SELECT count(*) FROM refunds WHERE booking_id = ?", id(unpaid))).isZero();
    assertThat(Db.query("SELECT status FROM payments WHERE booking_id = ?", id(paid)))
        .containsExactly(Map.of("status", "REFUNDED"));

    Map<String, Object> paidMail = eventCancelledMail(id(paid));
    assertThat((String) paidMail.get("subject")).startsWith("Event cancelled: ");
    assertThat((String) paidMail.get("text_body"))
        .contains("the organizer has cancelled")
        .contains("You paid €24.00: it is refunded to you in full");
    assertThat((String) paidMail.get("html_body")).contains("refunded to you in full");
    assertThat((String) eventCancelledMail(id(unpaid)).get("text_body"))
        .contains("nothing is charged");
    assertThat(outboxRows(id(paid), "cancellation")).isZero();
    assertThat(outboxRows(id(paid), "refund")).isEqualTo(1);
    assertThat(
            (String)
                Db.query(
                        "SELECT text_body FROM outbox WHERE booking_id = ? AND kind = 'refund'",
                        id(paid))
                    .get(0)
                    .get("text_body"))
        .contains("The organizer cancelled the event.");
  }

  @Test
  void cancelling_a_paid_booking_refunds_it_in_full_and_voids_its_tickets() {
    long eventId = publishedEvent(organizer, 10, "12.50");
    JsonObject booking = booked(attendee.api(), eventId, 2);
    attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");

    ApiResponse cancelled = attendee.api().post("/bookings/" + id(booking) + "/cancel", "{}");

    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.data().getString("status")).isEqualTo("CANCELLED");
    assertThat(availableSeats(eventId)).isEqualTo(10);
    assertThat(validTickets(id(booking))).isZero();
    assertThat(tickets(id(booking))).isEqualTo(2);
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ? AND reason = 'CANCELLED'"
                        + " AND status = 'SUCCEEDED' AND amount = 25.00",
                    id(booking))
                == 1,
        Duration.ofSeconds(30),
        "the cancelled booking was not refunded");
    assertThat(outboxRows(id(booking), "cancellation")).isEqualTo(1);
    assertThat(outboxRows(id(booking), "refund")).isEqualTo(1);
  }

  @Test
  void the_organizer_refunds_in_part_then_in_full_and_the_seats_come_back_only_then() {
    long eventId = publishedEvent(organizer, 10, "10.00");
    JsonObject booking = booked(attendee.api(), eventId, 2);
    attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");
    String path = "/bookings/" + id(booking) + "/refund";

    ApiResponse part = organizer.api().post(path, "{\"amount\": 5.00}");
    assertThat(part.status()).as(part.toString()).isEqualTo(200);
    assertThat(part.data().getJsonNumber("amount").toString()).isEqualTo("5.00");
    assertThat(part.data().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(part.data().getString("bookingStatus")).isEqualTo("CONFIRMED");
    assertThat(availableSeats(eventId)).isEqualTo(8);

    ApiResponse tooMuch = organizer.api().post(path, "{\"amount\": 15.01}");
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.errorCode()).isEqualTo("REFUND_TOO_LARGE");

    ApiResponse rest = organizer.api().post(path, "{}");
    assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
    assertThat(rest.data().getJsonNumber("amount").toString()).isEqualTo("15.00");
    assertThat(rest.data().getString("bookingStatus")).isEqualTo("REFUNDED");
    assertThat(bookingStatus(id(booking))).isEqualTo("REFUNDED");
    assertThat(availableSeats(eventId)).isEqualTo(10);
    assertThat(validTickets(id(booking))).isZero();

    ApiResponse nothingLeft = organizer.api().post(path, "{}");
    assertThat(nothingLeft.status()).isEqualTo(409);
    assertThat(nothingLeft.errorCode()).isEqualTo("NOT_REFUNDABLE");
    assertThat(
            Db.number(
                "SELECT count(*) FROM refunds WHERE booking_id = ? AND status = 'SUCCEEDED'",
                id(booking)))
        .isEqualTo(2);
  }

  @Test
  void refunds_are_refused_to_others_and_for_bad_input() {
    long eventId = publishedEvent(organizer, 10, "10.00");
    JsonObject booking = booked(attendee.api(), eventId, 1);
    String path = "/bookings/" + id(booking) + "/refund";

    assertThat(organizer.api().post(path, "{}").errorCode()).isEqualTo("NOT_REFUNDABLE");
    attendee.api().post("/payments/sandbox/" + intentOf(booking) + "/confirm", "");
    assertThat(Accounts.organizer().api().post(path, "{}").status()).isEqualTo(404);
    assertThat(attendee.api().post(path, "{}").status()).isEqualTo(403);
    assertThat(Api.server().post(path, "{}").status()).isEqualTo(401);
    ApiResponse negative = organizer.api().post(path, "{\"amount\": -1}");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.errorFields()).contains("amount");
    assertThat(organizer.api().post(path, "{\"amount\": 1.001}").status()).isEqualTo(400);
    assertThat(organizer.api().post(path, "{\"amount\": \"abc\"}").status()).isEqualTo(400);
    assertThat(organizer.api().post(path, "not json").status()).isEqualTo(400);
    assertThat(organizer.api().post("/bookings/999999999/refund", "{}").status()).isEqualTo(404);
    assertThat(bookingStatus(id(booking))).isEqualTo("CONFIRMED");
  }

  @Test
  void readiness_shows_the_sandbox_and_a_closed_circuit_and_metrics_show_the_gauge() {
    ApiResponse ready = Api.server().get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    JsonObject payments =
        ready.json().getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(c -> c.getString("name").equals("payments"))
            .findFirst()
            .orElseThrow();
    assertThat(payments.getString("status")).isEqualTo("UP");
    assertThat(payments.getJsonObject("data").getString("provider")).isEqualTo("sandbox");
    assertThat(payments.getJsonObject("data").getString("stripeCircuit")).isEqualTo("closed");
    assertThat(Api.server().get("/metrics").body()).contains("payment_circuit_open");
    assertThat(book(attendee.api(), 999_999_999L, 1).status()).isEqualTo(404);
  }

  static long coupon(long eventId, String code, int maxUsages) {
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events/" + eventId + "/coupons",
                """
                {"code": "%s", "discountType": "PERCENT", "discountValue": 10, "maxUsages": %d}
                """
                    .formatted(code, maxUsages));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id(created.data());
  }

  static JsonObject bookedWithCoupon(User user, long eventId, String code) {
    ApiResponse booked =
        user.api()
            .post(
                "/bookings",
                "{\"eventId\": %d, \"quantity\": 2, \"couponCode\": \"%s\"}"
                    .formatted(eventId, code));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    return booked.data();
  }

  static long couponUses(long couponId) {
    return Db.number("SELECT current_usages FROM coupons WHERE id = ?", couponId);
  }

  /** The invariant: a coupon's count of uses is the number of bookings that hold one. */
  static void assertCouponUsesMatchItsBookings(long couponId) {
    assertThat(couponUses(couponId))
        .isEqualTo(
            Db.number(
                "SELECT count(*) FROM bookings WHERE coupon_id = ?"
                    + " AND status IN ('PENDING', 'CONFIRMED')",
                couponId));
  }

  static Map<String, Object> eventCancelledMail(long bookingId) {
    List<Map<String, Object>> rows =
        Db.query(
            "SELECT subject, text_body, html_body FROM outbox"
                + " WHERE booking_id = ? AND kind = 'event-cancelled'",
            bookingId);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /** Ages the hold and waits for the expiry job to give its seats back. */
  static void lapse(long bookingId) {
    Db.update(
        "UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ?", bookingId);
    PaymentFixtures.await(
        () -> "EXPIRED".equals(bookingStatus(bookingId)),
        Duration.ofSeconds(60),
        "the hold did not expire");
    // Whichever server's job expired it, every server offers the seats again within the live
    // window (1 s): until then one that saw them sold out may still refuse from memory.
    try {
      Thread.sleep(1_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
