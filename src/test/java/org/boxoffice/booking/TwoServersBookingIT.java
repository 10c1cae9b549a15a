package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingFixtures.availableSeats;
import static org.boxoffice.booking.BookingFixtures.book;
import static org.boxoffice.booking.BookingFixtures.id;
import static org.boxoffice.booking.BookingFixtures.publishedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.booking.BookingFixtures.Tier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.EventStream;
import org.boxoffice.it.support.Events;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The main server and a copy on the same database: no overselling, no double give-back. */
class TwoServersBookingIT {
  static LibertyServer copy;
  static User organizer;

  @BeforeAll
  static void start() {
    org.boxoffice.booking.BookingFixtures.awaitApplication();
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("BOXOFFICE_BOOKING_EXPIRY_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_BOOKING_HOLD_SECONDS", "2");
    copy = LibertyServer.copyOfMain("boxoffice-b", LibertyServer.port(5), env);
    copy.start().awaitReady(200, Duration.ofMinutes(3));
    organizer = Accounts.organizer();
    BookingStampedeIT.organizer = organizer;
    BookingStampedeIT.attendees = BookingFixtures.attendees(50);
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
  }

  @Test
  void an_availability_stream_on_one_server_follows_bookings_made_on_the_other() {
    long eventId = Events.published(organizer, 20);
    try (EventStream onCopy =
            EventStream.open(copy.api(), "/events/" + eventId + "/availability/stream");
        EventStream onMain =
            EventStream.open(Api.server(), "/events/" + eventId + "/availability/stream")) {
      seats(onCopy, 20);
      seats(onMain, 20);

      assertThat(book(BookingStampedeIT.attendees.get(0).api(), eventId, null, 5, null).status())
          .isEqualTo(201);
      seats(onCopy, 15);
      seats(onMain, 15);
      // (Held on the main server: holds made on the copy last 2 s only.)
      assertThat(book(BookingStampedeIT.attendees.get(1).api(), eventId, null, 2, null).status())
          .isEqualTo(201);
      seats(onMain, 13);
      seats(onCopy, 13);
    }
  }

  private static void seats(EventStream stream, int seats) {
    stream.next(m -> m.data().getInt("availableSeats") == seats, Duration.ofSeconds(20));
  }

  @Test
  void a_stampede_split_over_two_servers_never_oversells() {
    // Seats booked on the copy are held for 2 s only: expiry during the stampede is part of it.
    BookingStampedeIT.stampede(n -> n % 2 == 0 ? Api.server() : copy.api(), true);
  }

  @Test
  void holds_expired_by_jobs_on_two_servers_give_seats_and_coupon_uses_back_exactly_once() {
    long eventId = id(publishedEvent(organizer, 40, new Tier("S", "10", null)));
    organizer
        .api()
        .post(
            "/events/" + eventId + "/coupons",
            "{\"code\": \"HALF\", \"discountType\": \"PERCENT\", \"discountValue\": 50}");
    List<User> people = BookingStampedeIT.attendees;
    for (int i = 0; i < 20; i++) {
      // Held on the main server for 15 minutes: both servers' jobs see them once aged below.
      assertThat(book(people.get(i).api(), eventId, null, 2, i % 2 == 0 ? "HALF" : null).status())
          .isEqualTo(201);
    }
    assertThat(availableSeats(eventId)).isZero();
    Db.update(
        "UPDATE bookings SET expires_at = now() - interval '1 second' WHERE event_id = ?", eventId);

    awaitNoPendingHolds(eventId);

    assertThat(
            Db.number(
                "SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'EXPIRED'", eventId))
        .isEqualTo(20);
    assertThat(availableSeats(eventId)).isEqualTo(40);
    assertThat(Db.number("SELECT current_usages FROM coupons WHERE event_id = ?", eventId))
        .isZero();
    assertThat(Db.number("SELECT taken FROM ticket_types WHERE event_id = ?", eventId)).isZero();
  }

  @Test
  void a_hold_made_on_the_short_hold_server_expires_by_itself() {
    long eventId = id(publishedEvent(organizer, 5, new Tier("S", "10", null)));
    Api onCopy = copy.api().as(BookingStampedeIT.attendees.get(0).token());
    assertThat(book(onCopy, eventId, null, 5, null).status()).isEqualTo(201);

    awaitNoPendingHolds(eventId);

    assertThat(availableSeats(eventId)).isEqualTo(5);
  }

  @Test
  void seats_cancelled_on_one_server_are_offered_again_by_the_other_within_the_live_window() {
    long eventId = id(publishedEvent(organizer, 4, new Tier("S", "10", null)));
    User booker = BookingStampedeIT.attendees.get(1);
    ApiResponse first = book(booker.api(), eventId, null, 2, null);
    assertThat(first.status()).isEqualTo(201);
    assertThat(book(booker.api(), eventId, null, 2, null).status()).isEqualTo(201);
    // Both servers have seen the event sold out: their next refusals come from memory.
    Api buyerOnMain = BookingStampedeIT.attendees.get(2).api();
    assertThat(book(copy.api().as(booker.token()), eventId, null, 1, null).errorCode())
        .isEqualTo("SOLD_OUT");
    assertThat(book(buyerOnMain, eventId, null, 1, null).errorCode()).isEqualTo("SOLD_OUT");

    assertThat(
            copy.api()
                .as(booker.token())
                .post("/bookings/" + id(first.data()) + "/cancel", "{}")
                .status())
        .isEqualTo(200);
    Instant cancelled = Instant.now();

    // The live window is 1 s; the deadline leaves room for a loaded machine.
    ApiResponse again = book(buyerOnMain, eventId, null, 2, null);
    while (again.status() != 201) {
      assertThat(again.errorCode()).isEqualTo("SOLD_OUT");
      assertThat(Duration.between(cancelled, Instant.now()))
          .as("seats given back on the other server still refused")
          .isLessThan(Duration.ofSeconds(5));
      sleep();
      again = book(buyerOnMain, eventId, null, 2, null);
    }
    assertThat(availableSeats(eventId)).isZero();
    assertThat(BookingFixtures.seatsHeldOrSold(eventId)).isEqualTo(4);
  }

  private static void awaitNoPendingHolds(long eventId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Db.number(
            "SELECT count(*) FROM bookings WHERE event_id = ? AND status = 'PENDING'", eventId)
        > 0) {
      assertThat(Instant.now()).as("holds still pending after 30 s").isBefore(deadline);
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
