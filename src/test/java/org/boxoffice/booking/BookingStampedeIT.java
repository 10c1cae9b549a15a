package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingFixtures.all;
import static org.boxoffice.booking.BookingFixtures.availableSeats;
import static org.boxoffice.booking.BookingFixtures.book;
import static org.boxoffice.booking.BookingFixtures.id;
import static org.boxoffice.booking.BookingFixtures.publishedEvent;
import static org.boxoffice.booking.BookingFixtures.seatsHeldOrSold;
import static org.boxoffice.booking.BookingFixtures.tierId;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.boxoffice.booking.BookingFixtures.Tier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BookingStampedeIT {
  static User organizer;
  static List<User> attendees;

  @BeforeAll
  static void people() {
    org.boxoffice.booking.BookingFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendees = BookingFixtures.attendees(50);
  }

  /**
   * 1,000 concurrent requests of 1 to 4 seats over two tiers, against the servers {@code apiOf}
   * spreads them over; checks nothing was oversold, every refusal is SOLD_OUT, and the database
   * agrees with itself.
   */
  static void stampede(IntFunction<Api> apiOf, boolean holdsMayExpire) {
    JsonObject event =
        publishedEvent(organizer, 100, new Tier("Standard", "25", null), new Tier("VIP", "90", 30));
    long eventId = id(event);
    // By name: the order of tiers inserted together is the database's, not the request's.
    long[] tiers = {tierId(event, "Standard"), tierId(event, "VIP")};
    List<Callable<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      Api api = apiOf.apply(n).as(attendees.get(n % attendees.size()).token());
      calls.add(() -> book(api, eventId, tiers[n % 2], 1 + n % 4, null));
    }

    List<ApiResponse> answers = all(calls, 100);

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
    assertThat(answers.stream().filter(a -> a.status() == 409))
        .allSatisfy(a -> assertThat(a.errorCode()).isEqualTo("SOLD_OUT"));
    long bookedSeats =
        answers.stream()
            .filter(a -> a.status() == 201)
            .mapToLong(a -> a.data().getInt("quantity"))
            .sum();
    assertThat(Db.number("SELECT SUM(quantity) FROM bookings WHERE event_id = ?", eventId))
        .isEqualTo(bookedSeats);
    assertThat(seatsHeldOrSold(eventId)).isLessThanOrEqualTo(100);
    assertThat(seatsHeldOrSold(eventId)).isEqualTo(100 - availableSeats(eventId));
    assertThat(
            Db.number(
                "SELECT COALESCE(SUM(quantity), 0) FROM bookings WHERE ticket_type_id = ?"
                    + " AND status IN ('PENDING', 'CONFIRMED')",
                tiers[1]))
        .isLessThanOrEqualTo(30);
    if (!holdsMayExpire) {
      // 1,000 requests of at least one seat for 100 seats: the last seats went to someone.
      assertThat(bookedSeats).isGreaterThan(96);
      assertThat(availableSeats(eventId)).isLessThan(4);
    }
  }

  @Test
  void a_thousand_concurrent_bookings_for_100_seats_never_oversell_and_refuse_with_SOLD_OUT() {
    stampede(n -> Api.server(), false);
  }

  @Test
  void twenty_concurrent_requests_with_one_idempotency_key_make_one_booking_and_20_equal_answers() {
    long eventId = id(publishedEvent(organizer, 50, new Tier("S", "10", null)));
    Api api = attendees.get(0).api().withHeader("Idempotency-Key", "twenty-" + System.nanoTime());
    List<Callable<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(() -> book(api, eventId, null, 2, null));
    }

    List<ApiResponse> answers = all(calls, 20);

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    assertThat(answers.stream().map(ApiResponse::data).distinct()).hasSize(1);
    assertThat(BookingFixtures.bookingRows(eventId)).isEqualTo(1);
    assertThat(availableSeats(eventId)).isEqualTo(48);
  }

  @Test
  void a_mixed_stampede_refuses_each_request_that_breaks_a_rule_and_books_the_rest_exactly() {
    JsonObject event =
        publishedEvent(
            organizer,
            120,
            new Tier("Standard", "25", null),
            new Tier("VIP", "90", 40),
            new Tier("Closed", "10", null));
    long eventId = id(event);
    long standard = tierId(event, "Standard");
    long vip = tierId(event, "VIP");
    long closed = tierId(event, "Closed");
    Db.update("UPDATE ticket_types SET max_per_order = 3 WHERE id = ?", vip);
    Db.update("UPDATE ticket_types SET closed = TRUE WHERE id = ?", closed);
    organizer
        .api()
        .post(
            "/events/" + eventId + "/coupons",
            "{\"code\": \"FIVE\", \"discountType\": \"FIXED\", \"discountValue\": 5,"
                + " \"maxUsages\": 7}");
    // Request n: a closed tier, a VIP order over its limit of 3, a coupon order, or a plain one.
    List<Callable<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int n = i;
      Api api = Api.server().as(attendees.get(n % attendees.size()).token());
      calls.add(
          () ->
              switch (n % 5) {
                case 0 -> book(api, eventId, closed, 1, null);
                case 1 -> book(api, eventId, vip, 4, null);
                case 2 -> book(api, eventId, standard, 1, "five");
                default -> book(api, eventId, n % 2 == 0 ? vip : standard, 1 + n % 3, null);
              });
    }

    List<ApiResponse> answers = all(calls, 100);

    // Once seats run short this server refuses from memory, SOLD_OUT, before any other rule.
    Map<Integer, List<String>> outcomes = new HashMap<>();
    for (int n = 0; n < answers.size(); n++) {
      ApiResponse answer = answers.get(n);
      String outcome = answer.status() == 201 ? "BOOKED" : answer.errorCode();
      assertThat(answer.status()).as(answer.toString()).isIn(201, 409, 422);
      outcomes.computeIfAbsent(n % 5, kind -> new ArrayList<>()).add(outcome);
    }
    assertThat(outcomes.get(0)).containsOnly("EVENT_NOT_ON_SALE", "SOLD_OUT");
    assertThat(outcomes.get(0)).contains("EVENT_NOT_ON_SALE");
    assertThat(outcomes.get(1)).containsOnly("MAX_PER_ORDER_EXCEEDED", "SOLD_OUT");
    assertThat(outcomes.get(1)).contains("MAX_PER_ORDER_EXCEEDED");
    assertThat(outcomes.get(2)).containsOnly("BOOKED", "COUPON_EXHAUSTED", "SOLD_OUT");
    assertThat(outcomes.get(2)).contains("BOOKED", "COUPON_EXHAUSTED");
    assertThat(outcomes.get(3)).containsOnly("BOOKED", "SOLD_OUT");
    assertThat(outcomes.get(4)).containsOnly("BOOKED", "SOLD_OUT");
    List<ApiResponse> booked = answers.stream().filter(a -> a.status() == 201).toList();
    long withCoupon = booked.stream().filter(a -> "FIVE".equals(couponOf(a))).count();
    assertThat(withCoupon).isLessThanOrEqualTo(7);
    assertThat(Db.number("SELECT current_usages FROM coupons WHERE event_id = ?", eventId))
        .isEqualTo(withCoupon);
    assertThat(
            Db.number(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND coupon_id IS NOT NULL",
                eventId))
        .isEqualTo(withCoupon);
    long bookedSeats = booked.stream().mapToLong(a -> a.data().getInt("quantity")).sum();
    assertThat(seatsHeldOrSold(eventId)).isEqualTo(bookedSeats).isLessThanOrEqualTo(120);
    assertThat(availableSeats(eventId)).isEqualTo(120 - bookedSeats);
    long vipSeats =
        Db.number(
            "SELECT COALESCE(SUM(quantity), 0) FROM bookings WHERE ticket_type_id = ?"
                + " AND status IN ('PENDING', 'CONFIRMED')",
            vip);
    assertThat(vipSeats).isLessThanOrEqualTo(40);
    assertThat(Db.number("SELECT available FROM ticket_types WHERE id = ?", vip))
        .isEqualTo(40 - vipSeats);
    assertThat(Db.number("SELECT taken FROM ticket_types WHERE id = ?", vip)).isEqualTo(vipSeats);
    assertThat(Db.number("SELECT taken FROM ticket_types WHERE id = ?", closed)).isZero();
    // 480 requests of at least one seat for 120: everything sellable was sold.
    assertThat(availableSeats(eventId)).isLessThan(3);
    assertThat(
            booked.stream()
                .filter(a -> a.data().getString("couponCode", null) != null)
                .allMatch(
                    a ->
                        new java.math.BigDecimal("5.00")
                                .compareTo(
                                    a.data().getJsonNumber("discountAmount").bigDecimalValue())
                            == 0))
        .isTrue();
  }

  private static String couponOf(ApiResponse booked) {
    return booked.data().isNull("couponCode") ? null : booked.data().getString("couponCode");
  }
}
