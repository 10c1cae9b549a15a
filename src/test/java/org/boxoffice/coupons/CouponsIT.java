package org.boxoffice.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CouponsIT {
  static User organizer;
  static List<User> attendees = new ArrayList<>();

  @BeforeAll
  static void people() throws Exception {
    org.boxoffice.booking.BookingFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendees = run(java.util.Collections.nCopies(20, (Callable<User>) Accounts::attendee), 4);
  }

  static long event(int capacity, String price) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Coupon test", "location": "Hall", "startDate": "%s", "endDate": "%s",
                 "capacity": %d, "currency": "EUR",
                 "ticketTypes": [{"name": "S", "price": %s, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(2), capacity, price));
    long id = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().post("/events/" + id + "/publish", "{}").status()).isEqualTo(200);
    return id;
  }

  static ApiResponse coupon(long eventId, String json) {
    return organizer.api().post("/events/" + eventId + "/coupons", json);
  }

  static ApiResponse book(User user, long eventId, int quantity, String code) {
    return user.api()
        .post(
            "/bookings",
            """
            {"eventId": %d, "quantity": %d, "couponCode": "%s"}
            """
                .formatted(eventId, quantity, code));
  }

  @Test
  void an_organizer_creates_lists_and_disables_coupons_of_their_event() {
    long eventId = event(10, "20");

    ApiResponse created =
        coupon(
            eventId,
            "{\"code\": \"Spring25\", \"discountType\": \"PERCENT\", \"discountValue\": 25, \"maxUsages\": 5}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject c = created.data();
    assertThat(c.getString("code")).isEqualTo("Spring25");
    assertThat(c.getString("discountType")).isEqualTo("PERCENT");
    assertThat(c.getJsonNumber("discountValue").toString()).isEqualTo("25.00");
    assertThat(c.getInt("maxUsages")).isEqualTo(5);
    assertThat(c.getInt("currentUsages")).isZero();
    assertThat(c.getBoolean("active")).isTrue();
    ApiResponse duplicate =
        coupon(
            eventId, "{\"code\": \"SPRING25\", \"discountType\": \"FIXED\", \"discountValue\": 1}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("COUPON_CODE_TAKEN");
    JsonObject list = organizer.api().get("/events/" + eventId + "/coupons").data();
    assertThat(list.getInt("total")).isEqualTo(1);

    ApiResponse booked = book(attendees.get(0), eventId, 2, "spring25");
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    assertThat(booked.data().getJsonNumber("discountAmount").toString()).isEqualTo("10.00");
    assertThat(booked.data().getJsonNumber("finalAmount").toString()).isEqualTo("30.00");
    assertThat(booked.data().getString("couponCode")).isEqualTo("Spring25");

    long couponId = c.getJsonNumber("id").longValue();
    ApiResponse disabled =
        organizer.api().post("/events/" + eventId + "/coupons/" + couponId + "/disable", "{}");
    assertThat(disabled.data().getBoolean("active")).isFalse();
    ApiResponse refused = book(attendees.get(1), eventId, 1, "Spring25");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("COUPON_INVALID");
  }

  @Test
  void another_organizer_gets_404_and_bad_coupons_are_400_with_the_field_and_not_stored() {
    long eventId = event(10, "20");
    User other = Accounts.organizer();

    ApiResponse foreign =
        other
            .api()
            .post(
                "/events/" + eventId + "/coupons",
                "{\"code\": \"X1\", \"discountType\": \"PERCENT\", \"discountValue\": 10}");
    ApiResponse tooMuch =
        coupon(
            eventId, "{\"code\": \"X2\", \"discountType\": \"PERCENT\", \"discountValue\": 150}");
    ApiResponse noType = coupon(eventId, "{\"code\": \"X3\", \"discountValue\": 10}");
    ApiResponse negative =
        coupon(eventId, "{\"code\": \"X4\", \"discountType\": \"FIXED\", \"discountValue\": -5}");

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.errorFields()).containsExactly("discountValue");
    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.errorFields()).containsExactly("discountType");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.errorFields()).containsExactly("discountValue");
    assertThat(Db.number("SELECT count(*) FROM coupons WHERE event_id = ?", eventId)).isZero();
  }

  @Test
  void an_expired_coupon_is_422_COUPON_EXPIRED_and_nothing_is_stored() {
    long eventId = event(10, "20");
    coupon(eventId, "{\"code\": \"OLD\", \"discountType\": \"FIXED\", \"discountValue\": 5}");
    Db.update(
        "UPDATE coupons SET expires_at = now() - interval '1 minute' WHERE event_id = ?", eventId);

    ApiResponse refused = book(attendees.get(2), eventId, 1, "OLD");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("COUPON_EXPIRED");
    assertThat(Db.number("SELECT count(*) FROM bookings WHERE event_id = ?", eventId)).isZero();
    assertThat(Db.number("SELECT available_seats FROM events WHERE id = ?", eventId)).isEqualTo(10);
  }

  @Test
  void a_fixed_coupon_worth_more_than_the_price_makes_the_booking_free_and_confirmed() {
    long eventId = event(10, "5");
    coupon(eventId, "{\"code\": \"GIFT\", \"discountType\": \"FIXED\", \"discountValue\": 100}");

    ApiResponse booked = book(attendees.get(3), eventId, 2, "GIFT");

    assertThat(booked.data().getJsonNumber("finalAmount").toString()).isEqualTo("0.00");
    assertThat(booked.data().getJsonNumber("discountAmount").toString()).isEqualTo("10.00");
    assertThat(booked.data().getString("status")).isEqualTo("CONFIRMED");
  }

  @Test
  void two_hundred_concurrent_bookings_with_a_coupon_of_50_uses_get_exactly_50_discounts()
      throws Exception {
    long eventId = event(1000, "10");
    coupon(
        eventId,
        "{\"code\": \"FIFTY\", \"discountType\": \"PERCENT\", \"discountValue\": 50, \"maxUsages\": 50}");
    List<Callable<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      User user = attendees.get(i % attendees.size());
      calls.add(() -> book(user, eventId, 1, "FIFTY"));
    }

    List<ApiResponse> answers = run(calls, 50);

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 422));
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(50);
    assertThat(answers.stream().filter(a -> a.status() == 422))
        .allSatisfy(a -> assertThat(a.errorCode()).isEqualTo("COUPON_EXHAUSTED"));
    assertThat(
            Db.number(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND discount_amount > 0",
                eventId))
        .isEqualTo(50);
    assertThat(Db.number("SELECT current_usages FROM coupons WHERE event_id = ?", eventId))
        .isEqualTo(50);
    assertThat(Db.number("SELECT available_seats FROM events WHERE id = ?", eventId))
        .isEqualTo(950);
  }

  static <T> List<T> run(List<Callable<T>> calls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
