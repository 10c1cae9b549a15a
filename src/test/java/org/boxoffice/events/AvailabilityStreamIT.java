package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.EventStream;
import org.boxoffice.it.support.Events;
import org.boxoffice.it.support.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /events/{id}/availability/stream}: live seat figures as Server-Sent Events. */
class AvailabilityStreamIT {
  static final Duration PATIENCE = Duration.ofSeconds(20);
  static Accounts.User organizer;

  @BeforeAll
  static void ready() {
    BookingFixtures.awaitApplication();
    organizer = Accounts.organizer();
  }

  static String stream(long eventId) {
    return "/events/" + eventId + "/availability/stream";
  }

  static EventStream.Message withSeats(EventStream stream, int seats) {
    return stream.next(
        m -> m.name().equals("availability") && m.data().getInt("availableSeats") == seats,
        PATIENCE);
  }

  @Test
  void a_stream_sends_the_figures_at_once_and_again_when_a_booking_takes_seats() {
    long eventId = Events.published(organizer, 30);
    JsonObject page = Api.server().get("/events/" + eventId).data();
    long tierId = page.getJsonArray("ticketTypes").getJsonObject(0).getJsonNumber("id").longValue();

    try (EventStream stream = EventStream.open(Api.server(), stream(eventId))) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      JsonObject first = withSeats(stream, 30).data();
      assertThat(first.getJsonNumber("eventId").longValue()).isEqualTo(eventId);
      assertThat(first.getString("status")).isEqualTo("PUBLISHED");
      assertThat(first.getJsonArray("ticketTypes").getJsonObject(0).getJsonNumber("id").longValue())
          .isEqualTo(tierId);
      assertThat(first.getJsonArray("ticketTypes").getJsonObject(0).getInt("available"))
          .isEqualTo(30);

      ApiResponse booked = book(Accounts.attendee().api(), eventId, 3);
      assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

      JsonObject after = withSeats(stream, 27).data();
      assertThat(after.getJsonArray("ticketTypes").getJsonObject(0).getInt("available"))
          .isEqualTo(27);
      // The same figures the event's page serves.
      assertThat(Api.server().get("/events/" + eventId).data().getInt("availableSeats"))
          .isEqualTo(27);
    }
  }

  @Test
  void many_listeners_of_one_event_share_one_feed_and_leave_none_behind() throws Exception {
    long eventId = Events.published(organizer, 10);
    double feedsBefore = Metrics.current("availability_feeds");
    double streamsBefore = Metrics.current("availability_streams");
    List<EventStream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        EventStream stream = EventStream.open(Api.server(), stream(eventId));
        streams.add(stream);
        withSeats(stream, 10);
      }
      assertThat(Metrics.current("availability_feeds")).isEqualTo(feedsBefore + 1);
      assertThat(Metrics.current("availability_streams")).isEqualTo(streamsBefore + 12);

      assertThat(book(Accounts.attendee().api(), eventId, 4).status()).isEqualTo(201);
      for (EventStream stream : streams) {
        withSeats(stream, 6);
      }
    } finally {
      streams.forEach(EventStream::close);
    }
    // Closed by their clients: the next sends (a change, or a heartbeat) find them gone, and the
    // feed stops with its last listener. (The first write to a closed connection may still
    // succeed, so seats keep changing while the test waits.)
    Api buyer = Accounts.attendee().api();
    await(
        () -> {
          book(buyer, eventId, 1);
          return Metrics.current("availability_feeds") == feedsBefore
              && Metrics.current("availability_streams") == streamsBefore;
        },
        "the closed streams and their feed are dropped");
  }

  @Test
  void a_cancelled_event_says_so_on_its_stream() {
    long eventId = Events.published(organizer, 5);
    try (EventStream stream = EventStream.open(Api.server(), stream(eventId))) {
      withSeats(stream, 5);
      ApiResponse cancelled = organizer.api().post("/events/" + eventId + "/cancel", "{}");
      assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
      EventStream.Message message =
          stream.next(m -> m.data().getString("status").equals("CANCELLED"), PATIENCE);
      assertThat(message.name()).isEqualTo("availability");
    }
  }

  @Test
  void a_draft_or_unknown_event_has_no_stream_404_with_the_envelope() {
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Draft", "description": "d", "location": "Hall",
                 "startDate": "2031-01-01T19:00:00Z", "endDate": "2031-01-01T22:00:00Z",
                 "capacity": 10, "currency": "EUR",
                 "ticketTypes": [{"name": "General", "price": 20, "maxPerOrder": 10}]}
                """);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long draft = created.data().getJsonNumber("id").longValue();

    for (long id : new long[] {draft, 987_654_321L}) {
      try (EventStream stream = EventStream.open(Api.server(), stream(id))) {
        assertThat(stream.status()).isEqualTo(404);
        String body = stream.errorBody();
        assertThat(Api.parse(body).getJsonObject("error").getString("code"))
            .isEqualTo("EVENT_NOT_FOUND");
        assertThat(body).doesNotContain("Exception");
      }
    }
  }

  static ApiResponse book(Api api, long eventId, int quantity) {
    return api.post(
        "/bookings", "{\"eventId\": %d, \"quantity\": %d}".formatted(eventId, quantity));
  }

  static void await(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out: " + what);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
