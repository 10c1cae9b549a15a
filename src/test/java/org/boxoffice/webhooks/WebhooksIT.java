package org.boxoffice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.exceptions.WebhookVerificationException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.webhooks.Receiver.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outgoing webhooks on the main test server (loopback allowed, short intervals and backoffs):
 * signed as the Standard Webhooks specification says, checked by an independent implementation;
 * sent at least once through receiver errors and timeouts; in the documented order.
 */
class WebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void serverUp() {
    BookingFixtures.awaitApplication();
  }

  @Test
  void a_confirmed_booking_is_delivered_signed_as_the_standard_webhooks_spec_says()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      String secret = endpoint.getString("secret");
      assertThat(secret).startsWith("whsec_");
      long eventId = Hooks.freeEvent(organizer.api());
      long bookingId = Hooks.book(Accounts.attendee().api(), eventId);

      Receiver.Received got = receiver.await(r -> !r.isEmpty(), WAIT).get(0);
      got.verify(secret);
      assertThat(got.id()).startsWith("msg_");
      assertThat(Long.parseLong(got.header("webhook-timestamp")))
          .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
      assertThat(got.header("Content-Type")).startsWith("application/json");
      JsonObject payload = Hooks.json(got.body());
      assertThat(payload.getString("type")).isEqualTo("booking.confirmed");
      assertThat(payload.getString("timestamp")).isNotBlank();
      assertThat(payload.getJsonObject("data").getJsonNumber("bookingId").longValue())
          .isEqualTo(bookingId);
      assertThat(payload.getJsonObject("data").getJsonNumber("eventId").longValue())
          .isEqualTo(eventId);
      // A wrong secret, or a body changed on the way, is refused by the same library.
      assertThatThrownBy(
              () -> got.verify("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk="))
          .isInstanceOf(WebhookVerificationException.class);
      Receiver.Received tampered =
          new Receiver.Received(got.headers(), got.body().replace("booking", "bookinG"), got.at());
      assertThatThrownBy(() -> tampered.verify(secret))
          .isInstanceOf(WebhookVerificationException.class);

      JsonObject logged = awaitLog(organizer, endpoint, "DELIVERED").get(0);
      assertThat(logged.getString("messageId")).isEqualTo(got.id());
      assertThat(logged.getInt("attempts")).isEqualTo(1);
      assertThat(logged.getInt("lastStatusCode")).isEqualTo(200);
      assertThat(logged.getInt("lastLatencyMillis")).isGreaterThanOrEqualTo(0);
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void a_receiver_answering_500_gets_the_same_message_again_until_it_takes_it() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      receiver.answer(Answer.status(500), Answer.status(503));
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      Hooks.book(Accounts.attendee().api(), Hooks.freeEvent(organizer.api()));

      List<Receiver.Received> got = receiver.await(r -> r.size() >= 3, WAIT);
      assertThat(got).extracting(Receiver.Received::id).containsOnly(got.get(0).id());
      for (Receiver.Received attempt : got) {
        attempt.verify(endpoint.getString("secret"));
      }
      // Backoff: each retry waited at least its turn (300 ms, then 600 ms on the test server).
      assertThat(Duration.between(got.get(0).at(), got.get(1).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(280));
      assertThat(Duration.between(got.get(1).at(), got.get(2).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(580));
      JsonObject logged = awaitLog(organizer, endpoint, "DELIVERED").get(0);
      assertThat(logged.getInt("attempts")).isEqualTo(3);
      assertThat(logged.getInt("lastStatusCode")).isEqualTo(200);
    }
  }

  @Test
  void a_receiver_too_slow_to_answer_gets_the_message_again() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      // The test server gives up on an answer after 1.5 s.
      receiver.answer(Answer.slow(Duration.ofSeconds(4)));
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      Hooks.book(Accounts.attendee().api(), Hooks.freeEvent(organizer.api()));

      List<Receiver.Received> got = receiver.await(r -> r.size() >= 2, WAIT);
      assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
      JsonObject logged = awaitLog(organizer, endpoint, "DELIVERED").get(0);
      assertThat(logged.getInt("attempts")).isGreaterThanOrEqualTo(2);
      List<JsonObject> all = log(organizer, endpoint);
      assertThat(all).hasSize(1);
    }
  }

  @Test
  void a_message_nobody_takes_goes_dead_and_a_redelivery_sends_it_again_with_its_id()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      receiver.always(Answer.status(500));
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      Hooks.book(Accounts.attendee().api(), Hooks.freeEvent(organizer.api()));

      // The test server gives up after 4 attempts.
      JsonObject dead = awaitLog(organizer, endpoint, "DEAD").get(0);
      assertThat(dead.getInt("attempts")).isEqualTo(4);
      assertThat(dead.getInt("lastStatusCode")).isEqualTo(500);
      assertThat(dead.getString("lastError")).contains("500");
      assertThat(receiver.received()).hasSize(4);

      receiver.always(null);
      ApiResponse again =
          organizer
              .api()
              .post(
                  "/webhooks/%d/deliveries/%d/redeliver"
                      .formatted(id(endpoint), dead.getJsonNumber("id").longValue()),
                  "{}");
      assertThat(again.status()).as(again.toString()).isEqualTo(202);
      assertThat(again.data().getString("status")).isEqualTo("PENDING");
      List<Receiver.Received> got = receiver.await(r -> r.size() >= 5, WAIT);
      assertThat(got.get(4).id()).isEqualTo(dead.getString("messageId"));
      got.get(4).verify(endpoint.getString("secret"));
      List<JsonObject> log = awaitLog(organizer, endpoint, "DELIVERED");
      assertThat(log).hasSize(2);
      assertThat(log.get(1).getString("status")).isEqualTo("DEAD");
    }
  }

  @Test
  void deliveries_arrive_in_the_order_of_their_causes() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      Hooks.register(
          organizer, receiver.url(), "booking.confirmed", "booking.cancelled", "event.updated");
      long eventId = Hooks.freeEvent(organizer.api());
      var attendee = Accounts.attendee().api();
      long bookingId = Hooks.book(attendee, eventId);
      assertThat(attendee.post("/bookings/" + bookingId + "/cancel", "{}").status()).isEqualTo(200);
      assertThat(
              organizer
                  .api()
                  .patch("/events/" + eventId, "{\"description\": \"updated\"}")
                  .status())
          .isEqualTo(200);

      List<Receiver.Received> got = receiver.await(r -> r.size() >= 3, WAIT);
      assertThat(got)
          .extracting(r -> Hooks.json(r.body()).getString("type"))
          .containsExactly("booking.confirmed", "booking.cancelled", "event.updated");
      assertThat(got)
          .extracting(r -> Instant.parse(Hooks.json(r.body()).getString("timestamp")))
          .isSorted();
    }
  }

  @Test
  void after_a_rotation_both_secrets_verify_until_the_grace_period_ends() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      ApiResponse rotated =
          organizer.api().post("/webhooks/" + id(endpoint) + "/rotate-secret", "{}");
      assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
      String newSecret = rotated.data().getString("secret");
      assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.getString("secret"));
      assertThat(rotated.data().getString("previousSecretExpiresAt")).isNotBlank();
      // The secret is shown once: neither the list nor the endpoint shows it again.
      ApiResponse shown = organizer.api().get("/webhooks/" + id(endpoint));
      assertThat(shown.data().containsKey("secret")).isFalse();

      Hooks.book(Accounts.attendee().api(), Hooks.freeEvent(organizer.api()));
      Receiver.Received got = receiver.await(r -> !r.isEmpty(), WAIT).get(0);
      assertThat(got.header("webhook-signature").split(" ")).hasSize(2);
      got.verify(newSecret);
      got.verify(endpoint.getString("secret"));
    }
  }

  @Test
  void an_endpoint_hears_only_its_event_and_its_types() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      long heard = Hooks.freeEvent(organizer.api());
      long other = Hooks.freeEvent(organizer.api());
      Hooks.register(organizer.api(), receiver.url(), heard, "booking.confirmed");
      var attendee = Accounts.attendee().api();
      Hooks.book(attendee, other);
      long booking = Hooks.book(attendee, heard);
      attendee.post("/bookings/" + booking + "/cancel", "{}");

      List<Receiver.Received> got = receiver.await(r -> !r.isEmpty(), WAIT);
      assertThat(
              Hooks.json(got.get(0).body())
                  .getJsonObject("data")
                  .getJsonNumber("bookingId")
                  .longValue())
          .isEqualTo(booking);
      Receiver.pause(Duration.ofSeconds(2));
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void an_endpoint_that_keeps_failing_is_disabled_its_organizer_emailed_and_resumed_later()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      receiver.always(Answer.status(502));
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      long eventId = Hooks.freeEvent(organizer.api());
      var attendee = Accounts.attendee().api();
      Hooks.book(attendee, eventId);
      Hooks.book(attendee, eventId);

      // The test server disables an endpoint after 6 failed attempts in a row.
      JsonObject disabled = awaitEndpoint(organizer, endpoint, "DISABLED");
      assertThat(disabled.getString("disabledReason")).contains("6 failed");
      assertThat(
              Db.number(
                  "SELECT count(*) FROM outbox WHERE recipient = ? AND kind = 'webhook-disabled'",
                  organizer.email()))
          .isEqualTo(1);
      int attempts = receiver.received().size();
      assertThat(attempts).isEqualTo(6);
      Receiver.pause(Duration.ofSeconds(2));
      assertThat(receiver.received()).hasSize(attempts);
      List<JsonObject> log = log(organizer, endpoint);
      assertThat(log).extracting(d -> d.getString("status")).contains("PENDING");

      receiver.always(null);
      ApiResponse enabled =
          organizer.api().patch("/webhooks/" + id(endpoint), "{\"enabled\": true}");
      assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
      assertThat(enabled.data().getString("status")).isEqualTo("ENABLED");
      assertThat(enabled.data().getInt("consecutiveFailures")).isZero();
      // What was still PENDING is sent now; nothing waits any more.
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (log(organizer, endpoint).stream()
              .anyMatch(d -> d.getString("status").equals("PENDING"))
          && System.nanoTime() < deadline) {
        Receiver.pause(Duration.ofMillis(200));
      }
      assertThat(log(organizer, endpoint))
          .extracting(d -> d.getString("status"))
          .doesNotContain("PENDING")
          .contains("DELIVERED");
    }
  }

  @Test
  void attempts_are_counted_by_outcome_in_the_metrics() {
    double delivered = attempts("delivered");
    double failed = attempts("failed");
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      receiver.answer(Answer.status(500));
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      Hooks.book(Accounts.attendee().api(), Hooks.freeEvent(organizer.api()));
      awaitLog(organizer, endpoint, "DELIVERED");
    }
    assertThat(attempts("delivered")).isGreaterThanOrEqualTo(delivered + 1);
    assertThat(attempts("failed")).isGreaterThanOrEqualTo(failed + 1);
    String metrics = Api.server().get("/metrics?scope=application").body();
    assertThat(metrics).contains("webhooks_attempt_duration_seconds");
  }

  /** {@code webhooks_attempts_total} of one outcome, on the main server. */
  private static double attempts(String outcome) {
    String metrics = Api.server().get("/metrics?scope=application").body();
    Matcher m =
        Pattern.compile(
                "(?m)^webhooks_attempts_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
            .matcher(metrics);
    assertThat(m.find()).as("webhooks_attempts_total of " + outcome + " in /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void another_organizers_endpoint_is_not_found() {
    Accounts.User organizer = Accounts.organizer();
    JsonObject endpoint = Hooks.register(organizer, "http://127.0.0.1:9/hook", "event.updated");
    var stranger = Accounts.organizer().api();
    assertThat(stranger.get("/webhooks/" + id(endpoint)).errorCode())
        .isEqualTo("WEBHOOK_NOT_FOUND");
    assertThat(stranger.get("/webhooks/" + id(endpoint) + "/deliveries").status()).isEqualTo(404);
    assertThat(stranger.delete("/webhooks/" + id(endpoint)).status()).isEqualTo(404);
    assertThat(Accounts.attendee().api().get("/webhooks").status()).isEqualTo(403);
    assertThat(organizer.api().delete("/webhooks/" + id(endpoint)).status()).isEqualTo(204);
    assertThat(organizer.api().get("/webhooks/" + id(endpoint)).status()).isEqualTo(404);
  }

  /**
   * A sold-out event's waiting list: an offer, its expiry, the next offer and its claim, and the
   * list closing on someone still in line each reach the organizer's endpoint, signed.
   */
  @Test
  void waiting_list_offers_expiries_claims_and_closings_are_delivered() throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      JsonObject endpoint =
          Hooks.register(
              organizer,
              receiver.url(),
              "waitlist.offered",
              "waitlist.offer_expired",
              "waitlist.claimed",
              "waitlist.closed");
      long eventId = oneSeatEvent(organizer.api());
      Api holder = Accounts.attendee().api();
      long booking = Hooks.book(holder, eventId);
      Api first = Accounts.attendee().api();
      Api second = Accounts.attendee().api();
      Api third = Accounts.attendee().api();
      long firstEntry = join(first, eventId);
      long secondEntry = join(second, eventId);
      assertThat(holder.post("/bookings/" + booking + "/cancel", "{}").status()).isEqualTo(200);

      receiver.await(r -> types(r).contains("waitlist.offered"), WAIT);
      Db.update(
          "UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = ?",
          firstEntry);
      receiver.await(r -> types(r).stream().filter("waitlist.offered"::equals).count() == 2, WAIT);
      ApiResponse claimed = second.post("/waitlist/" + secondEntry + "/claim", "{}");
      assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
      long claimedBooking = claimed.data().getJsonNumber("id").longValue();
      long thirdEntry = join(third, eventId);
      assertThat(organizer.api().post("/events/" + eventId + "/waitlist/close", "{}").status())
          .isEqualTo(200);

      List<Receiver.Received> got = receiver.await(r -> types(r).contains("waitlist.closed"), WAIT);
      assertThat(types(got))
          .containsExactly(
              "waitlist.offered",
              "waitlist.offer_expired",
              "waitlist.offered",
              "waitlist.claimed",
              "waitlist.closed");
      for (Receiver.Received message : got) {
        message.verify(endpoint.getString("secret"));
        assertThat(data(message).getJsonNumber("eventId").longValue()).isEqualTo(eventId);
      }
      assertThat(entryOf(got.get(0))).isEqualTo(firstEntry);
      assertThat(entryOf(got.get(1))).isEqualTo(firstEntry);
      assertThat(data(got.get(1)).getInt("quantity")).isEqualTo(1);
      assertThat(entryOf(got.get(2))).isEqualTo(secondEntry);
      assertThat(entryOf(got.get(3))).isEqualTo(secondEntry);
      assertThat(data(got.get(3)).getJsonNumber("bookingId").longValue()).isEqualTo(claimedBooking);
      assertThat(entryOf(got.get(4))).isEqualTo(thirdEntry);
      assertThat(data(got.get(4)).getString("reason")).isEqualTo("ORGANIZER");
      // Written with their causes: one delivery each, no more.
      assertThat(
              Db.number(
                  "SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ?", id(endpoint)))
          .isEqualTo(5);
    }
  }

  /** Cancelling an event closes its list: everyone still in line is a waitlist.closed. */
  @Test
  void cancelling_an_event_closes_its_waiting_list_with_a_delivery_for_each_person_in_line()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      Hooks.register(organizer, receiver.url(), "waitlist.closed");
      long eventId = oneSeatEvent(organizer.api());
      Hooks.book(Accounts.attendee().api(), eventId);
      long one = join(Accounts.attendee().api(), eventId);
      long two = join(Accounts.attendee().api(), eventId);

      ApiResponse cancelled = organizer.api().post("/events/" + eventId + "/cancel", "{}");
      assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

      List<Receiver.Received> got = receiver.await(r -> r.size() >= 2, WAIT);
      assertThat(got).extracting(WebhooksIT::entryOf).containsExactlyInAnyOrder(one, two);
      assertThat(got).extracting(m -> data(m).getString("reason")).containsOnly("EVENT_CANCELLED");
      Receiver.pause(Duration.ofSeconds(1));
      assertThat(receiver.received()).hasSize(2);
    }
  }

  /**
   * The retention sweep (every second on the test server) deletes DELIVERED and DEAD deliveries
   * whose last attempt is older than BOXOFFICE_WEBHOOKS_RETENTION_DAYS (30), and nothing else.
   */
  @Test
  void the_sweep_deletes_settled_deliveries_older_than_the_retention_and_nothing_else()
      throws Exception {
    Accounts.User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      JsonObject endpoint = Hooks.register(organizer, receiver.url(), "booking.confirmed");
      long eventId = Hooks.freeEvent(organizer.api());
      Api attendee = Accounts.attendee().api();
      for (int i = 0; i < 4; i++) {
        Hooks.book(attendee, eventId);
      }
      receiver.await(r -> r.size() >= 4, WAIT);
      awaitLog(organizer, endpoint, "DELIVERED");
      List<Long> ids =
          Db.query(
                  "SELECT id FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'DELIVERED'"
                      + " ORDER BY id",
                  id(endpoint))
              .stream()
              .map(row -> ((Number) row.get("id")).longValue())
              .toList();
      assertThat(ids).hasSize(4);
      long oldDelivered = ids.get(0);
      long oldDead = ids.get(1);
      long young = ids.get(2);
      long oldPending = ids.get(3);
      Db.update(
          "UPDATE webhook_deliveries SET last_attempt_at = now() - interval '31 days',"
              + " created_at = now() - interval '31 days' WHERE id IN (?, ?)",
          oldDelivered,
          oldDead);
      Db.update("UPDATE webhook_deliveries SET status = 'DEAD' WHERE id = ?", oldDead);
      Db.update(
          "UPDATE webhook_deliveries SET last_attempt_at = now() - interval '29 days',"
              + " created_at = now() - interval '29 days' WHERE id = ?",
          young);
      // Waiting for a retry tomorrow after a failure 40 days ago: not settled, never swept.
      Db.update(
          "UPDATE webhook_deliveries SET status = 'PENDING', delivered_at = NULL,"
              + " last_attempt_at = now() - interval '40 days',"
              + " created_at = now() - interval '40 days',"
              + " next_attempt_at = now() + interval '1 day' WHERE id = ?",
          oldPending);

      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && remaining(ids).size() > 2) {
        Receiver.pause(Duration.ofMillis(200));
      }

      assertThat(remaining(ids)).containsExactly(young, oldPending);
      Receiver.pause(Duration.ofMillis(2500));
      assertThat(remaining(ids)).containsExactly(young, oldPending);
      assertThat(log(organizer, endpoint))
          .extracting(d -> d.getJsonNumber("id").longValue())
          .containsExactly(oldPending, young);
    }
  }

  private static List<Long> remaining(List<Long> ids) {
    return ids.stream()
        .filter(id -> Db.number("SELECT count(*) FROM webhook_deliveries WHERE id = ?", id) == 1)
        .toList();
  }

  /** A published free event with a single seat, so that a second person has to wait. */
  private static long oneSeatEvent(Api organizer) {
    java.time.OffsetDateTime start =
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer.post(
            "/events",
            """
            {"title": "Waiting list webhooks", "description": "d", "location": "Hall",
             "startDate": "%s", "endDate": "%s", "capacity": 1, "currency": "EUR",
             "ticketTypes": [{"name": "Free", "price": 0, "maxPerOrder": 1}]}
            """
                .formatted(start, start.plusHours(3)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.post("/events/" + id + "/publish", "{}").status()).isEqualTo(200);
    return id;
  }

  private static long join(Api attendee, long eventId) {
    ApiResponse joined =
        attendee.post("/waitlist", "{\"eventId\": " + eventId + ", \"quantity\": 1}");
    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    return joined.data().getJsonNumber("id").longValue();
  }

  private static List<String> types(List<Receiver.Received> received) {
    return received.stream().map(m -> Hooks.json(m.body()).getString("type")).toList();
  }

  private static JsonObject data(Receiver.Received message) {
    return Hooks.json(message.body()).getJsonObject("data");
  }

  private static long entryOf(Receiver.Received message) {
    return data(message).getJsonNumber("entryId").longValue();
  }

  static JsonObject awaitEndpoint(Accounts.User organizer, JsonObject endpoint, String status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    ApiResponse last = null;
    while (System.nanoTime() < deadline) {
      last = organizer.api().get("/webhooks/" + id(endpoint));
      if (last.status() == 200 && last.data().getString("status").equals(status)) {
        return last.data();
      }
      Receiver.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("the endpoint did not become " + status + ": " + last);
  }

  static long id(JsonObject endpoint) {
    return endpoint.getJsonNumber("id").longValue();
  }

  static List<JsonObject> log(Accounts.User organizer, JsonObject endpoint) {
    ApiResponse log = organizer.api().get("/webhooks/" + id(endpoint) + "/deliveries");
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    return log.data().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** Waits until the newest delivery of the log has the status; returns the log, newest first. */
  static List<JsonObject> awaitLog(Accounts.User organizer, JsonObject endpoint, String status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<JsonObject> last = List.of();
    while (System.nanoTime() < deadline) {
      last = log(organizer, endpoint);
      if (!last.isEmpty() && last.get(0).getString("status").equals(status)) {
        return last;
      }
      Receiver.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("the newest delivery did not become " + status + ": " + last);
  }
}
