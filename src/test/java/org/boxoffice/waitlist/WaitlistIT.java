package org.boxoffice.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The waiting list on two servers over one database: the server the build started, and a copy (the
 * second offer job, and the one that delivers the outbox to GreenMail in this JVM). Offers that run
 * out are made to run out by moving their end into the past in the database, never by waiting.
 */
class WaitlistIT {
  static final String PUBLIC_BASE_URL = "https://tickets.boxoffice.test";
  static GreenMail smtp;
  static LibertyServer copy;
  static User organizer;

  @BeforeAll
  static void start() {
    ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(setup);
    smtp.start();
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", String.valueOf(setup.getPort()));
    env.put("SMTP_FROM", "Boxoffice <tickets@boxoffice.test>");
    env.put("BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    copy = LibertyServer.copyOfMain("boxoffice-waitlist", LibertyServer.port(41), env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
    organizer = Accounts.organizer();
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void people_line_up_in_join_order_and_move_up_when_someone_leaves() {
    long eventId = soldOutEvent(1, "0");
    List<User> people = attendees(3);
    List<Long> entries = new ArrayList<>();
    for (User person : people) {
      ApiResponse joined = join(person, eventId, 1);
      assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
      assertThat(joined.data().getString("status")).isEqualTo("WAITING");
      entries.add(id(joined.data()));
    }
    assertThat(positionOf(people.get(0), entries.get(0))).isEqualTo(1);
    assertThat(positionOf(people.get(1), entries.get(1))).isEqualTo(2);
    assertThat(positionOf(people.get(2), entries.get(2))).isEqualTo(3);

    ApiResponse left = people.get(1).api().delete("/waitlist/" + entries.get(1));

    assertThat(left.status()).as(left.toString()).isEqualTo(200);
    assertThat(left.data().getString("status")).isEqualTo("LEFT");
    assertThat(positionOf(people.get(2), entries.get(2))).isEqualTo(2);
    assertThat(people.get(1).api().get("/waitlist").data().getInt("total")).isZero();
    assertThat(people.get(1).api().delete("/waitlist/" + entries.get(1)).errorCode())
        .isEqualTo("WAITLIST_ENTRY_OVER");
    ApiResponse again = join(people.get(1), eventId, 1);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.data().getInt("position")).isEqualTo(3);
  }

  @Test
  void bad_requests_get_their_documented_refusals_and_change_nothing() {
    long eventId = soldOutEvent(1, "10");
    User attendee = Accounts.attendee();
    User stranger = Accounts.attendee();
    long roomy = id(publishedEvent(5, "10"));

    ApiResponse seatsFree = join(attendee, roomy, 2);
    assertThat(seatsFree.status()).as(seatsFree.toString()).isEqualTo(409);
    assertThat(seatsFree.errorCode()).isEqualTo("BOOK_INSTEAD");
    assertThat(seatsFree.errorFields()).containsExactly("quantity");

    ApiResponse tooMany = join(attendee, eventId, 11);
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(422);
    assertThat(tooMany.errorCode()).isEqualTo("MAX_PER_ORDER_EXCEEDED");
    assertThat(tooMany.errorFields()).containsExactly("quantity");

    for (String quantity : List.of("0", "-1", "1.5", "\"two\"", "null", "101")) {
      ApiResponse bad =
          attendee
              .api()
              .post("/waitlist", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");
      assertThat(bad.status()).as(quantity + ": " + bad).isEqualTo(400);
      assertThat(bad.errorCode()).isEqualTo("VALIDATION_FAILED");
      assertThat(bad.errorFields()).contains("quantity");
    }
    assertThat(join(attendee, 999_999_999L, 1).errorCode()).isEqualTo("EVENT_NOT_FOUND");
    assertThat(Api.server().post("/waitlist", joinJson(eventId, 1)).status()).isEqualTo(401);

    ApiResponse first = join(attendee, eventId, 1);
    assertThat(first.status()).isEqualTo(201);
    ApiResponse twice = join(attendee, eventId, 2);
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    assertThat(twice.errorCode()).isEqualTo("WAITLIST_ALREADY_JOINED");

    long entry = id(first.data());
    for (ApiResponse foreign :
        List.of(
            stranger.api().get("/waitlist/" + entry),
            stranger.api().delete("/waitlist/" + entry),
            stranger.api().post("/waitlist/" + entry + "/claim", "{}"),
            stranger.api().post("/waitlist/" + entry + "/decline", "{}"))) {
      assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
      assertThat(foreign.errorCode()).isEqualTo("WAITLIST_ENTRY_NOT_FOUND");
    }
    ApiResponse noOffer = attendee.api().post("/waitlist/" + entry + "/claim", "{}");
    assertThat(noOffer.status()).isEqualTo(409);
    assertThat(noOffer.errorCode()).isEqualTo("OFFER_NOT_OPEN");
    assertThat(stranger.api().get("/events/" + eventId + "/waitlist").status()).isEqualTo(403);
    assertThat(Accounts.organizer().api().get("/events/" + eventId + "/waitlist").status())
        .isEqualTo(404);
    assertThat(
            Db.number(
                "SELECT count(*) FROM waitlist_entries WHERE event_id IN (?, ?)", eventId, roomy))
        .isEqualTo(1);
  }

  @Test
  void a_sold_out_answer_says_whether_the_waiting_list_is_open() {
    long open = soldOutEvent(1, "10");
    long closed = soldOutEvent(1, "10");
    assertThat(organizer.api().post("/events/" + closed + "/waitlist/close", "{}").status())
        .isEqualTo(200);
    User buyer = Accounts.attendee();

    ApiResponse refused = book(buyer, open, 1);
    ApiResponse refusedClosed = book(buyer, closed, 1);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("SOLD_OUT");
    assertThat(refused.errorFields()).containsExactly("quantity", "waitingList");
    assertThat(detail(refused, "waitingList")).startsWith("open");
    assertThat(refusedClosed.errorCode()).isEqualTo("SOLD_OUT");
    assertThat(detail(refusedClosed, "waitingList")).isEqualTo("closed");
    ApiResponse joinClosed = join(buyer, closed, 1);
    assertThat(joinClosed.status()).isEqualTo(409);
    assertThat(joinClosed.errorCode()).isEqualTo("WAITLIST_CLOSED");
  }

  @Test
  void a_cancellation_offers_the_seats_to_the_first_in_line_by_email_and_the_claim_books_them()
      throws Exception {
    JsonObject event = publishedEvent(2, "25.00");
    long eventId = id(event);
    User booker = Accounts.attendee();
    ApiResponse booking = book(booker, eventId, 2);
    assertThat(booking.status()).isEqualTo(201);
    List<User> people = attendees(2);
    long first = id(join(people.get(0), eventId, 2).data());
    long second = id(join(people.get(1), eventId, 1).data());
    double offersBefore = counter("waitlist_offers_made_total");

    assertThat(booker.api().post("/bookings/" + id(booking.data()) + "/cancel", "{}").status())
        .isEqualTo(200);

    await(() -> status(first).equals("OFFERED"), "the first in line got no offer");
    assertThat(status(second)).isEqualTo("WAITING");
    assertThat(availableSeats(eventId)).isZero();
    assertInvariants(eventId);
    JsonObject offer = people.get(0).api().get("/waitlist/" + first).data();
    assertThat(offer.getString("offerExpiresAt")).isNotBlank();
    assertThat(OffsetDateTime.parse(offer.getString("offerExpiresAt")))
        .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(25));
    MimeMessage mail = awaitMail(people.get(0).email(), "Seats for you");
    // The link is under the public base URL of whichever server's job made the offer: the copy
    // has one configured, the main server its default.
    assertThat(textOf(mail))
        .containsPattern("Claim them here: https?://[^/\\s]+/waitlist/" + first + "\\s")
        .contains("2 seats are held for you");
    assertThat(counter("waitlist_offers_made_total")).isGreaterThanOrEqualTo(offersBefore + 1);

    ApiResponse claimed = people.get(0).api().post("/waitlist/" + first + "/claim", "{}");

    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    JsonObject booked = claimed.data();
    assertThat(booked.getString("status")).isEqualTo("PENDING");
    assertThat(booked.getInt("quantity")).isEqualTo(2);
    assertThat(booked.getJsonNumber("finalAmount").toString()).isEqualTo("50.00");
    assertThat(booked.getJsonObject("payment").getString("provider")).isEqualTo("sandbox");
    JsonObject entry = people.get(0).api().get("/waitlist/" + first).data();
    assertThat(entry.getString("status")).isEqualTo("CLAIMED");
    assertThat(entry.getJsonNumber("bookingId").longValue()).isEqualTo(id(booked));
    assertThat(Db.query("SELECT user_id, status FROM bookings WHERE id = ?", id(booked)).get(0))
        .containsEntry("user_id", people.get(0).id())
        .containsEntry("status", "PENDING");
    assertThat(availableSeats(eventId)).isZero();
    assertInvariants(eventId);
    ApiResponse twice = people.get(0).api().post("/waitlist/" + first + "/claim", "{}");
    assertThat(twice.errorCode()).isEqualTo("OFFER_NOT_OPEN");
  }

  @Test
  void an_offer_that_runs_out_goes_to_the_next_and_with_nobody_left_the_seat_goes_on_sale() {
    long eventId = id(publishedEvent(1, "0"));
    User booker = Accounts.attendee();
    long booking = id(book(booker, eventId, 1).data());
    List<User> people = attendees(2);
    long first = id(join(people.get(0), eventId, 1).data());
    long second = id(join(people.get(1), eventId, 1).data());
    assertThat(booker.api().post("/bookings/" + booking + "/cancel", "{}").status()).isEqualTo(200);
    await(() -> status(first).equals("OFFERED"), "the first in line got no offer");
    double expiredBefore = counter("waitlist_offers_expired_total");

    Db.update(
        "UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = ?",
        first);

    await(() -> status(first).equals("EXPIRED"), "the offer did not run out");
    await(() -> status(second).equals("OFFERED"), "the next in line got no offer");
    assertThat(availableSeats(eventId)).isZero();
    assertThat(counter("waitlist_offers_expired_total")).isGreaterThanOrEqualTo(expiredBefore + 1);
    assertInvariants(eventId);

    ApiResponse declined = people.get(1).api().post("/waitlist/" + second + "/decline", "{}");

    assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
    assertThat(declined.data().getString("status")).isEqualTo("DECLINED");
    await(() -> availableSeats(eventId) == 1, "the seat did not go back on sale");
    assertInvariants(eventId);
    // On sale on every server within the live-figure window (the other server's job may have
    // given it back, and this one's memory of the seats is up to 1 s old).
    await(
        () -> book(booker, eventId, 1).status() == 201, "the seat given back could not be booked");
    assertThat(availableSeats(eventId)).isZero();
  }

  /**
   * A copy of the server with Stripe configured at an address where nothing listens: opening the
   * claim's payment fails there, as during a Stripe outage. Started for this test only.
   */
  @Test
  void a_claim_whose_payment_cannot_be_opened_keeps_its_place_and_gets_the_next_offer() {
    long eventId = id(publishedEvent(1, "15.00"));
    User booker = Accounts.attendee();
    long booking = id(book(booker, eventId, 1).data());
    List<User> people = attendees(2);
    long first = id(join(people.get(0), eventId, 1).data());
    long second = id(join(people.get(1), eventId, 1).data());
    assertThat(booker.api().post("/bookings/" + booking + "/cancel", "{}").status()).isEqualTo(200);
    await(() -> status(first).equals("OFFERED"), "the first in line got no offer");
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("STRIPE_API_KEY", "sk_test_dummy");
    env.put("STRIPE_WEBHOOK_SECRET", "whsec_dummy");
    env.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + freePort());
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");

    ApiResponse refused;
    try (LibertyServer stripeDown =
        LibertyServer.copyOfMain("boxoffice-waitlist-stripe", LibertyServer.port(42), env)) {
      stripeDown.start().awaitReady(200, Duration.ofMinutes(4));
      refused =
          stripeDown.api().as(people.get(0).token()).post("/waitlist/" + first + "/claim", "{}");
    }

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
    assertThat(
            Db.query(
                    "SELECT status FROM bookings WHERE event_id = ? AND user_id = ?",
                    eventId,
                    people.get(0).id())
                .get(0))
        .containsEntry("status", "CANCELLED");
    await(() -> status(first).equals("OFFERED"), "the entry did not get the next offer");
    assertThat(status(second)).isEqualTo("WAITING");
    assertInvariants(eventId);
    ApiResponse claimed = people.get(0).api().post("/waitlist/" + first + "/claim", "{}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    assertThat(claimed.data().getString("status")).isEqualTo("PENDING");
    assertInvariants(eventId);
  }

  @Test
  void a_smaller_group_may_go_first_with_seats_the_first_in_line_cannot_use() {
    long eventId = id(publishedEvent(3, "0"));
    User one = Accounts.attendee();
    User two = Accounts.attendee();
    long single = id(book(one, eventId, 1).data());
    long pair = id(book(two, eventId, 2).data());
    List<User> people = attendees(2);
    long big = id(join(people.get(0), eventId, 2).data());
    long small = id(join(people.get(1), eventId, 1).data());

    assertThat(one.api().post("/bookings/" + single + "/cancel", "{}").status()).isEqualTo(200);

    await(() -> status(small).equals("OFFERED"), "the smaller group got no offer");
    assertThat(status(big)).isEqualTo("WAITING");
    assertThat(positionOf(people.get(0), big)).isEqualTo(1);
    assertInvariants(eventId);

    assertThat(two.api().post("/bookings/" + pair + "/cancel", "{}").status()).isEqualTo(200);

    await(() -> status(big).equals("OFFERED"), "the first in line got no offer");
    assertThat(availableSeats(eventId)).isZero();
    assertInvariants(eventId);
  }

  @Test
  void
      a_seat_given_back_through_one_ticket_type_goes_to_the_line_of_another_sharing_the_capacity() {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Two tiers", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": 2, "currency": "EUR",
                 "ticketTypes": [{"name": "Front", "price": 0, "maxPerOrder": 10},
                                 {"name": "Back", "price": 0, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(3)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long eventId = id(created.data());
    JsonObject event = organizer.api().post("/events/" + eventId + "/publish", "{}").data();
    long front = id(event.getJsonArray("ticketTypes").getJsonObject(0));
    long back = id(event.getJsonArray("ticketTypes").getJsonObject(1));
    User backBooker = Accounts.attendee();
    assertThat(bookTier(Accounts.attendee(), eventId, front, 1).status()).isEqualTo(201);
    long backBooking = id(bookTier(backBooker, eventId, back, 1).data());
    User waiting = Accounts.attendee();
    ApiResponse joined =
        waiting
            .api()
            .post(
                "/waitlist",
                "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": 1}"
                    .formatted(eventId, front));
    assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
    long entry = id(joined.data());

    assertThat(backBooker.api().post("/bookings/" + backBooking + "/cancel", "{}").status())
        .isEqualTo(200);

    await(() -> status(entry).equals("OFFERED"), "the seat given back was not offered");
    assertThat(availableSeats(eventId)).isZero();
    assertInvariants(eventId);
    ApiResponse claimed = waiting.api().post("/waitlist/" + entry + "/claim", "{}");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    assertThat(claimed.data().getJsonNumber("ticketTypeId").longValue()).isEqualTo(front);
    assertThat(claimed.data().getString("status")).isEqualTo("CONFIRMED");
    assertInvariants(eventId);
  }

  @Test
  void raising_the_capacity_offers_the_new_seats_to_the_line_first() {
    long eventId = soldOutEvent(1, "0");
    User waiting = Accounts.attendee();
    long entry = id(join(waiting, eventId, 1).data());

    ApiResponse raised = organizer.api().patch("/events/" + eventId, "{\"capacity\": 3}");

    assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
    await(() -> status(entry).equals("OFFERED"), "the new seat was not offered");
    assertThat(availableSeats(eventId)).isEqualTo(1);
    assertInvariants(eventId);
    JsonObject summary = organizer.api().get("/events/" + eventId + "/waitlist/summary").data();
    assertThat(summary.getBoolean("open")).isTrue();
    assertThat(summary.getInt("openOffers")).isEqualTo(1);
    assertThat(summary.getInt("seatsOffered")).isEqualTo(1);
  }

  @Test
  void the_organizer_sees_the_list_and_cancelling_the_event_closes_it_and_tells_who_waits()
      throws Exception {
    long eventId = soldOutEvent(2, "0");
    List<User> people = attendees(2);
    long first = id(join(people.get(0), eventId, 2).data());
    long second = id(join(people.get(1), eventId, 1).data());

    JsonObject list = organizer.api().get("/events/" + eventId + "/waitlist").data();
    assertThat(list.getInt("total")).isEqualTo(2);
    JsonObject head = list.getJsonArray("items").getJsonObject(0);
    assertThat(id(head)).isEqualTo(first);
    assertThat(head.getInt("position")).isEqualTo(1);
    assertThat(head.getInt("quantity")).isEqualTo(2);
    assertThat(head.getString("status")).isEqualTo("WAITING");
    JsonObject summary = organizer.api().get("/events/" + eventId + "/waitlist/summary").data();
    assertThat(summary.getInt("waitingEntries")).isEqualTo(2);
    assertThat(summary.getInt("seatsWanted")).isEqualTo(3);
    JsonObject stats = organizer.api().get("/events/" + eventId + "/stats").data();
    assertThat(stats.getInt("waitingEntries")).isEqualTo(2);
    assertThat(stats.getInt("seatsWaiting")).isEqualTo(3);

    assertThat(organizer.api().post("/events/" + eventId + "/cancel", "{}").status())
        .isEqualTo(200);

    assertThat(status(first)).isEqualTo("CLOSED");
    assertThat(status(second)).isEqualTo("CLOSED");
    awaitMail(people.get(0).email(), "Waiting list closed");
    awaitMail(people.get(1).email(), "Waiting list closed");
    assertThat(
            organizer
                .api()
                .get("/events/" + eventId + "/waitlist/summary")
                .data()
                .getBoolean("open"))
        .isFalse();
    assertInvariants(eventId);
  }

  /**
   * Twenty people join at once; then, at once and on both servers, bookings are cancelled, holds
   * run out and the capacity is raised. Every freed seat goes to the line in join order, one offer
   * and one email each, and the seats add up.
   */
  @Test
  void seats_freed_concurrently_on_two_servers_go_to_the_line_in_order_and_add_up()
      throws Exception {
    int capacity = 20;
    long eventId = id(publishedEvent(capacity, "10.00"));
    List<User> bookers = attendees(10);
    List<Long> bookings = new ArrayList<>();
    for (User booker : bookers) {
      ApiResponse booked = book(booker, eventId, 2);
      assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
      bookings.add(id(booked.data()));
    }
    assertThat(availableSeats(eventId)).isZero();
    List<User> people = attendees(20);
    List<Callable<ApiResponse>> joins = new ArrayList<>();
    for (User person : people) {
      joins.add(() -> join(person, eventId, 1));
    }
    List<ApiResponse> joined = all(joins, 8);
    assertThat(joined).allSatisfy(j -> assertThat(j.status()).as(j.toString()).isEqualTo(201));

    List<Callable<ApiResponse>> frees = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      User booker = bookers.get(i);
      Api server = i % 2 == 0 ? booker.api() : copy.api().as(booker.token());
      long booking = bookings.get(i);
      frees.add(() -> server.post("/bookings/" + booking + "/cancel", "{}"));
    }
    frees.add(
        () -> {
          Db.update(
              "UPDATE bookings SET expires_at = now() - interval '1 second'"
                  + " WHERE id IN (?, ?) AND status = 'PENDING'",
              bookings.get(5),
              bookings.get(6));
          return null;
        });
    frees.add(
        () ->
            copy.api()
                .as(organizer.token())
                .patch("/events/" + eventId, "{\"capacity\": " + (capacity + 3) + "}"));
    List<ApiResponse> freed = all(frees, frees.size());
    assertThat(freed.subList(0, 5))
        .allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(200));
    assertThat(freed.get(6).status()).as(freed.get(6).toString()).isEqualTo(200);

    int expectedOffers = 5 * 2 + 2 * 2 + 3;
    await(
        () ->
            Db.number(
                    "SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND status = 'OFFERED'",
                    eventId)
                == expectedOffers,
        "not every freed seat was offered");
    List<Long> offeredIds = ids(eventId, "OFFERED");
    List<Long> waitingIds = ids(eventId, "WAITING");
    assertThat(waitingIds).hasSize(people.size() - expectedOffers);
    assertThat(offeredIds.get(offeredIds.size() - 1))
        .as("offers went to the first in line")
        .isLessThan(waitingIds.get(0));
    assertThat(availableSeats(eventId)).isZero();
    assertInvariants(eventId);
    await(
        () ->
            Db.number(
                    "SELECT count(*) FROM outbox WHERE kind = 'waitlist-offer' AND status = 'SENT'"
                        + " AND recipient IN (SELECT u.email FROM users u JOIN waitlist_entries w"
                        + " ON w.user_id = u.id WHERE w.event_id = ?)",
                    eventId)
                == expectedOffers,
        "not every offer was emailed");
    for (User person : people) {
      long offers =
          Db.number(
              "SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND user_id = ?"
                  + " AND status = 'OFFERED'",
              eventId,
              person.id());
      assertThat(withSubject(person.email(), "Seats for you")).hasSize((int) offers);
    }
  }

  /**
   * The seat bookkeeping, per ticket type and for the event: the seats taken are exactly those of
   * bookings that hold seats, open offers and seats kept for the list, never more than the
   * capacity; no seat is on sale while someone waits for one.
   */
  static void assertInvariants(long eventId) {
    for (Map<String, Object> tier :
        Db.query("SELECT id, taken FROM ticket_types WHERE event_id = ?", eventId)) {
      long tierId = ((Number) tier.get("id")).longValue();
      long held =
          Db.number(
              "SELECT COALESCE(SUM(quantity), 0) FROM bookings WHERE ticket_type_id = ?"
                  + " AND status IN ('PENDING', 'CONFIRMED')",
              tierId);
      long offered =
          Db.number(
              "SELECT COALESCE(SUM(quantity), 0) FROM waitlist_entries WHERE ticket_type_id = ?"
                  + " AND status = 'OFFERED'",
              tierId);
      long kept =
          Db.number(
              "SELECT COALESCE(SUM(seats), 0) FROM waitlist_kept_seats WHERE ticket_type_id = ?",
              tierId);
      assertThat(((Number) tier.get("taken")).longValue())
          .as("taken = held + offered + kept of tier " + tierId)
          .isEqualTo(held + offered + kept);
    }
    Map<String, Object> event =
        Db.query("SELECT capacity, available_seats, status FROM events WHERE id = ?", eventId)
            .get(0);
    long capacity = ((Number) event.get("capacity")).longValue();
    long available = ((Number) event.get("available_seats")).longValue();
    long taken =
        Db.number("SELECT COALESCE(SUM(taken), 0) FROM ticket_types WHERE event_id = ?", eventId);
    assertThat(capacity - available).as("the event's seats taken").isEqualTo(taken);
    assertThat(taken).as("held + offered + sold <= capacity").isLessThanOrEqualTo(capacity);
    long waiting =
        Db.number(
            "SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND status = 'WAITING'",
            eventId);
    if (waiting > 0 && "PUBLISHED".equals(event.get("status"))) {
      long smallest =
          Db.number(
              "SELECT MIN(quantity) FROM waitlist_entries WHERE event_id = ? AND status = 'WAITING'",
              eventId);
      assertThat(available).as("seats on sale while someone waits").isLessThan(smallest);
    }
  }

  private static List<Long> ids(long eventId, String status) {
    return Db.query(
            "SELECT id FROM waitlist_entries WHERE event_id = ? AND status = ? ORDER BY id",
            eventId,
            status)
        .stream()
        .map(row -> ((Number) row.get("id")).longValue())
        .toList();
  }

  private static long soldOutEvent(int capacity, String price) {
    long eventId = id(publishedEvent(capacity, price));
    ApiResponse sold = book(Accounts.attendee(), eventId, capacity);
    assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
    return eventId;
  }

  private static JsonObject publishedEvent(int capacity, String price) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Waiting list test", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": %d, "currency": "EUR",
                 "ticketTypes": [{"name": "Standard", "price": %s, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(3), capacity, price));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = id(created.data());
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return published.data();
  }

  private static ApiResponse book(User user, long eventId, int quantity) {
    return user.api()
        .post("/bookings", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");
  }

  private static ApiResponse bookTier(User user, long eventId, long tierId, int quantity) {
    return user.api()
        .post(
            "/bookings",
            "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": %d}"
                .formatted(eventId, tierId, quantity));
  }

  private static ApiResponse join(User user, long eventId, int quantity) {
    return user.api().post("/waitlist", joinJson(eventId, quantity));
  }

  private static String joinJson(long eventId, int quantity) {
    return "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}";
  }

  private static long positionOf(User user, long entryId) {
    return user.api().get("/waitlist").data().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> id(e) == entryId)
        .findFirst()
        .orElseThrow()
        .getInt("position");
  }

  private static String status(long entryId) {
    return (String)
        Db.query("SELECT status FROM waitlist_entries WHERE id = ?", entryId).get(0).get("status");
  }

  private static long availableSeats(long eventId) {
    return Db.number("SELECT available_seats FROM events WHERE id = ?", eventId);
  }

  private static String detail(ApiResponse response, String field) {
    return response.error().getJsonArray("details").stream()
        .map(JsonValue::asJsonObject)
        .filter(d -> d.getString("field").equals(field))
        .findFirst()
        .orElseThrow()
        .getString("message");
  }

  /** A counter summed over both servers: each counts what its own offer job did. */
  private static double counter(String name) {
    double sum = 0;
    for (Api server : List.of(Api.server(), copy.api())) {
      String metrics = server.get("/metrics?scope=application").body();
      sum += metrics.contains(name + "{") ? Metrics.value(metrics, name) : 0;
    }
    return sum;
  }

  private static long id(JsonObject object) {
    return object.getJsonNumber("id").longValue();
  }

  private static List<User> attendees(int count) {
    List<Callable<User>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(Accounts::attendee);
    }
    return all(signUps, 4);
  }

  private static <T> List<T> all(List<Callable<T>> calls, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(calls)) {
        results.add(future.get());
      }
      return results;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static MimeMessage awaitMail(String recipient, String subject) {
    await(
        () -> withSubject(recipient, subject).size() == 1,
        "no single email \"" + subject + "\" for " + recipient);
    return withSubject(recipient, subject).get(0);
  }

  private static List<MimeMessage> withSubject(String recipient, String subject) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equals(recipient)
                    && m.getSubject().startsWith(subject);
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String textOf(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        text.append(textOf(child));
      }
      return text.toString();
    }
    return "";
  }

  private static void await(BooleanSupplier condition, String failure) {
    Instant deadline = Instant.now().plusSeconds(90);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(failure);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
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
