package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingFixtures.availableSeats;
import static org.boxoffice.booking.BookingFixtures.book;
import static org.boxoffice.booking.BookingFixtures.bookingRows;
import static org.boxoffice.booking.BookingFixtures.id;
import static org.boxoffice.booking.BookingFixtures.publishedEvent;
import static org.boxoffice.booking.BookingFixtures.tierId;

import jakarta.json.JsonObject;
import java.util.List;
import org.boxoffice.booking.BookingFixtures.Tier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingsIT {
  static User organizer;
  static User attendee;
  static User stranger;

  @BeforeAll
  static void people() {
    org.boxoffice.booking.BookingFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
    stranger = Accounts.attendee();
  }

  @Test
  void a_paid_booking_is_a_PENDING_hold_with_exact_amounts_and_takes_the_seats() {
    JsonObject event = publishedEvent(organizer, 10, new Tier("Standard", "19.99", null));
    long eventId = id(event);

    ApiResponse booked = book(attendee.api(), eventId, null, 3, null);

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    JsonObject b = booked.data();
    assertThat(b.getString("status")).isEqualTo("PENDING");
    assertThat(b.getJsonNumber("ticketTypeId").longValue()).isEqualTo(tierId(event, 0));
    assertThat(b.getInt("quantity")).isEqualTo(3);
    assertThat(b.getJsonNumber("unitPrice").toString()).isEqualTo("19.99");
    assertThat(b.getJsonNumber("totalAmount").toString()).isEqualTo("59.97");
    assertThat(b.getJsonNumber("discountAmount").toString()).isEqualTo("0.00");
    assertThat(b.getJsonNumber("finalAmount").toString()).isEqualTo("59.97");
    assertThat(b.getString("currency")).isEqualTo("EUR");
    assertThat(b.getString("expiresAt")).isNotBlank();
    assertThat(b.getJsonObject("payment").getString("provider")).isEqualTo("sandbox");
    assertThat(booked.header("Location")).endsWith("/bookings/" + id(b));
    assertThat(availableSeats(eventId)).isEqualTo(7);
    assertThat(Db.query("SELECT status, user_id FROM bookings WHERE id = ?", id(b)))
        .containsExactly(java.util.Map.of("status", "PENDING", "user_id", attendee.id()));
  }

  @Test
  void a_free_booking_is_CONFIRMED_at_once_and_shows_in_stats_and_attendees() {
    long eventId = id(publishedEvent(organizer, 5, new Tier("Free", "0", null)));

    ApiResponse booked = book(attendee.api(), eventId, null, 2, null);

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    assertThat(booked.data().getString("status")).isEqualTo("CONFIRMED");
    assertThat(booked.data().isNull("expiresAt")).isTrue();
    JsonObject stats = organizer.api().get("/events/" + eventId + "/stats").data();
    assertThat(stats.getInt("capacity")).isEqualTo(5);
    assertThat(stats.getInt("seatsSold")).isEqualTo(2);
    assertThat(stats.getInt("seatsHeld")).isZero();
    assertThat(stats.getJsonNumber("revenue").toString()).isEqualTo("0.00");
    assertThat(stats.getInt("checkedIn")).isZero();
    JsonObject attendees = organizer.api().get("/events/" + eventId + "/attendees").data();
    assertThat(attendees.getInt("total")).isEqualTo(1);
    assertThat(attendees.getJsonArray("items").getJsonObject(0).getString("email"))
        .isEqualTo(attendee.email());
    assertThat(stranger.api().get("/events/" + eventId + "/stats").status()).isEqualTo(403);
    User otherOrganizer = Accounts.organizer();
    assertThat(otherOrganizer.api().get("/events/" + eventId + "/stats").status()).isEqualTo(404);
  }

  @Test
  void the_attendee_CSV_has_a_header_row_and_defuses_formulas() {
    long eventId = id(publishedEvent(organizer, 5, new Tier("Free", "0", null)));
    User sneaky = Accounts.create("ATTENDEE");
    Db.update(
        "UPDATE users SET first_name = '=cmd|calc', last_name = 'Doe, J' WHERE id = ?",
        sneaky.id());
    assertThat(book(sneaky.api(), eventId, null, 1, null).status()).isEqualTo(201);

    ApiResponse csv = organizer.api().get("/events/" + eventId + "/attendees?format=csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("utf-8");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("bookingId,name,email,quantity,status,checkedIn");
    assertThat(lines[1])
        .contains("\"'=cmd|calc Doe, J\"")
        .contains(sneaky.email())
        .endsWith(",1,CONFIRMED,false");
  }

  @Test
  void booking_more_seats_than_left_is_refused_with_SOLD_OUT_and_nothing_is_stored() {
    long eventId = id(publishedEvent(organizer, 3, new Tier("Standard", "10", null)));
    assertThat(book(attendee.api(), eventId, null, 2, null).status()).isEqualTo(201);

    ApiResponse refused = book(attendee.api(), eventId, null, 2, null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("SOLD_OUT");
    assertThat(refused.error().getString("message")).contains("1");
    // After how many seats are left, whether the waiting list takes entries (issue 17).
    assertThat(refused.errorFields()).containsExactly("quantity", "waitingList");
    assertThat(bookingRows(eventId)).isEqualTo(1);
    assertThat(availableSeats(eventId)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "0", "1099511627776", "1.5", "\"two\"", "101", "null"})
  void a_bad_quantity_is_refused_with_400_on_field_quantity_and_nothing_is_stored(String quantity) {
    long eventId = id(publishedEvent(organizer, 10, new Tier("Standard", "10", null)));

    ApiResponse refused =
        attendee
            .api()
            .post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(refused.errorFields()).contains("quantity");
    assertThat(bookingRows(eventId)).isZero();
    assertThat(availableSeats(eventId)).isEqualTo(10);
  }

  @Test
  void unknown_event_unknown_tier_and_another_events_tier_are_404_and_nothing_is_stored() {
    JsonObject event = publishedEvent(organizer, 10, new Tier("Standard", "10", null));
    JsonObject other = publishedEvent(organizer, 10, new Tier("Other", "10", null));
    long eventId = id(event);

    ApiResponse unknownEvent = book(attendee.api(), 987_654_321L, null, 1, null);
    ApiResponse unknownTier = book(attendee.api(), eventId, 987_654_321L, 1, null);
    ApiResponse foreignTier = book(attendee.api(), eventId, tierId(other, 0), 1, null);

    assertThat(unknownEvent.status()).isEqualTo(404);
    assertThat(unknownEvent.errorCode()).isEqualTo("EVENT_NOT_FOUND");
    assertThat(unknownTier.status()).isEqualTo(404);
    assertThat(unknownTier.errorCode()).isEqualTo("TICKET_TYPE_NOT_FOUND");
    assertThat(foreignTier.status()).isEqualTo(404);
    assertThat(foreignTier.errorCode()).isEqualTo("TICKET_TYPE_NOT_FOUND");
    assertThat(bookingRows(eventId) + bookingRows(id(other))).isZero();
  }

  @Test
  void a_draft_event_is_404_and_a_cancelled_event_is_409_EVENT_NOT_ON_SALE() {
    long draft = id(BookingFixtures.draftEvent(organizer, 10, new Tier("S", "10", null)));
    long cancelled = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    assertThat(organizer.api().post("/events/" + cancelled + "/cancel", "{}").status())
        .isEqualTo(200);

    ApiResponse toDraft = book(attendee.api(), draft, null, 1, null);
    ApiResponse toCancelled = book(attendee.api(), cancelled, null, 1, null);

    assertThat(toDraft.status()).isEqualTo(404);
    assertThat(toDraft.errorCode()).isEqualTo("EVENT_NOT_FOUND");
    assertThat(toCancelled.status()).isEqualTo(409);
    assertThat(toCancelled.errorCode()).isEqualTo("EVENT_NOT_ON_SALE");
    assertThat(bookingRows(draft) + bookingRows(cancelled)).isZero();
  }

  @Test
  void a_missing_token_is_401_and_nothing_is_stored() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    assertThat(book(Api.server(), eventId, null, 1, null).status()).isEqualTo(401);
    assertThat(bookingRows(eventId)).isZero();
  }

  @Test
  void cancelling_gives_the_seats_back_once_and_a_second_cancel_is_409() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    long bookingId = id(book(attendee.api(), eventId, null, 4, null).data());
    assertThat(availableSeats(eventId)).isEqualTo(6);

    assertThat(stranger.api().post("/bookings/" + bookingId + "/cancel", "{}").status())
        .isEqualTo(404);
    ApiResponse cancelled = attendee.api().post("/bookings/" + bookingId + "/cancel", "{}");
    ApiResponse again = attendee.api().post("/bookings/" + bookingId + "/cancel", "{}");

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.data().getString("status")).isEqualTo("CANCELLED");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("BOOKING_NOT_CANCELLABLE");
    assertThat(availableSeats(eventId)).isEqualTo(10);
  }

  @Test
  void the_events_organizer_may_cancel_a_booking_but_not_read_it_as_their_own() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    long bookingId = id(book(attendee.api(), eventId, null, 1, null).data());

    assertThat(organizer.api().get("/bookings/" + bookingId).status()).isEqualTo(404);
    assertThat(stranger.api().get("/bookings/" + bookingId).status()).isEqualTo(404);
    assertThat(organizer.api().post("/bookings/" + bookingId + "/cancel", "{}").status())
        .isEqualTo(200);
    assertThat(attendee.api().get("/bookings/" + bookingId).data().getString("status"))
        .isEqualTo("CANCELLED");
  }

  @Test
  void cancelling_the_event_cancels_its_bookings_and_gives_their_seats_back() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    book(attendee.api(), eventId, null, 2, null);
    book(stranger.api(), eventId, null, 3, null);

    assertThat(organizer.api().post("/events/" + eventId + "/cancel", "{}").status())
        .isEqualTo(200);

    assertThat(Db.query("SELECT DISTINCT status FROM bookings WHERE event_id = ?", eventId))
        .extracting(row -> row.get("status"))
        .containsExactly("CANCELLED");
    assertThat(availableSeats(eventId)).isEqualTo(10);
  }

  @Test
  void an_overdue_hold_stops_counting_at_once_without_waiting_for_the_expiry_job() {
    long eventId = id(publishedEvent(organizer, 2, new Tier("S", "10", null)));
    long held = id(book(stranger.api(), eventId, null, 2, null).data());
    Db.update("UPDATE bookings SET expires_at = now() - interval '1 second' WHERE id = ?", held);

    // The server knows its events' next hold expiry at most the live window (1 s) old; a hold
    // whose expiry is moved back by hand, as here, is seen within that window, long before the
    // expiry job's next run would matter.
    ApiResponse booked = book(attendee.api(), eventId, null, 2, null);
    for (int retry = 0; booked.status() == 409 && retry < 10; retry++) {
      assertThat(booked.errorCode()).isEqualTo("SOLD_OUT");
      pause(200);
      booked = book(attendee.api(), eventId, null, 2, null);
    }

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    assertThat(Db.query("SELECT status FROM bookings WHERE id = ?", held).get(0).get("status"))
        .isEqualTo("EXPIRED");
    assertThat(availableSeats(eventId)).isZero();
  }

  @Test
  void own_bookings_are_listed_newest_first_and_size_is_at_most_100() {
    User me = Accounts.attendee();
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    long first = id(book(me.api(), eventId, null, 1, null).data());
    long second = id(book(me.api(), eventId, null, 1, null).data());

    JsonObject page = me.api().get("/bookings?page=0&size=10").data();
    ApiResponse tooBig = me.api().get("/bookings?size=101");

    assertThat(page.getInt("total")).isEqualTo(2);
    assertThat(page.getJsonArray("items").stream().map(v -> id(v.asJsonObject())).toList())
        .isEqualTo(List.of(second, first));
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.errorFields()).containsExactly("size");
  }

  @Test
  void the_same_idempotency_key_replays_the_first_answer_and_another_body_is_422() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "10", null)));
    Api api = attendee.api().withHeader("Idempotency-Key", "key-" + System.nanoTime());

    ApiResponse first = book(api, eventId, null, 2, null);
    ApiResponse replay = book(api, eventId, null, 2, null);
    ApiResponse other = book(api, eventId, null, 3, null);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.data()).isEqualTo(first.data());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(bookingRows(eventId)).isEqualTo(1);
    assertThat(availableSeats(eventId)).isEqualTo(8);
  }

  @Test
  void bookings_show_up_in_the_business_counters() {
    long eventId = id(publishedEvent(organizer, 10, new Tier("S", "0", null)));
    double created = Metrics.current("bookings_created_total");
    double confirmed = Metrics.current("bookings_confirmed_total");

    assertThat(book(attendee.api(), eventId, null, 2, null).status()).isEqualTo(201);

    // Other tests' bookings may land meanwhile: at least this free one, created and confirmed.
    assertThat(Metrics.current("bookings_created_total")).isGreaterThanOrEqualTo(created + 1);
    assertThat(Metrics.current("bookings_confirmed_total")).isGreaterThanOrEqualTo(confirmed + 1);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
