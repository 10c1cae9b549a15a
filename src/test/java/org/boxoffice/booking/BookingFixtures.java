package org.boxoffice.booking;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;

/** Events, attendees and concurrent callers for the booking tests. */
public final class BookingFixtures {
  private BookingFixtures() {}

  /**
   * Waits until the application answers /health/ready: on a loaded machine the server may report
   * started before the application has.
   */
  public static void awaitApplication() {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Api.server().get("/health/ready").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("the application did not become ready in 4 minutes");
  }

  /** A ticket type of a new event: name, price, own quantity (null = shares the capacity). */
  record Tier(String name, String price, Integer quantity) {
    String json() {
      return """
          {"name": "%s", "price": %s%s, "maxPerOrder": 10}"""
          .formatted(name, price, quantity == null ? "" : ", \"quantity\": " + quantity);
    }
  }

  /** Creates an event of the organizer (DRAFT); returns the event as GET /events/{id} shows it. */
  static JsonObject draftEvent(User organizer, int capacity, Tier... tiers) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    List<String> tierJson = new ArrayList<>();
    for (Tier tier : tiers) {
      tierJson.add(tier.json());
    }
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Booking test", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": %d, "currency": "EUR",
                 "ticketTypes": [%s]}
                """
                    .formatted(start, start.plusHours(3), capacity, String.join(",", tierJson)));
    if (created.status() != 201) {
      throw new IllegalStateException("event creation failed: " + created);
    }
    return created.data();
  }

  /** Creates and publishes an event. */
  static JsonObject publishedEvent(User organizer, int capacity, Tier... tiers) {
    JsonObject draft = draftEvent(organizer, capacity, tiers);
    long id = draft.getJsonNumber("id").longValue();
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return published.data();
  }

  static long id(JsonObject object) {
    return object.getJsonNumber("id").longValue();
  }

  static long tierId(JsonObject event, int index) {
    return event.getJsonArray("ticketTypes").getJsonObject(index).getJsonNumber("id").longValue();
  }

  static long tierId(JsonObject event, String name) {
    return event.getJsonArray("ticketTypes").stream()
        .map(JsonValue::asJsonObject)
        .filter(tier -> tier.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no tier named " + name))
        .getJsonNumber("id")
        .longValue();
  }

  /** Signs up attendees, a few at a time (each costs a bcrypt hash). */
  static List<User> attendees(int count) {
    List<Callable<User>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(BookingFixtures::attendeeWithRetry);
    }
    return all(signUps, 4);
  }

  /** A dropped keep-alive connection (the server closed it while idle) is retried once. */
  private static User attendeeWithRetry() {
    try {
      return Accounts.attendee();
    } catch (java.io.UncheckedIOException dropped) {
      return Accounts.attendee();
    }
  }

  /** Runs the calls on a pool of the given size, all at once; returns their results in order. */
  static <T> List<T> all(List<Callable<T>> calls, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = pool.invokeAll(calls);
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  static ApiResponse book(Api api, long eventId, Long tierId, int quantity, String coupon) {
    return api.post(
        "/bookings",
        """
        {"eventId": %d%s, "quantity": %d%s}
        """
            .formatted(
                eventId,
                tierId == null ? "" : ", \"ticketTypeId\": " + tierId,
                quantity,
                coupon == null ? "" : ", \"couponCode\": \"" + coupon + "\""));
  }

  static long bookingRows(long eventId) {
    return Db.number("SELECT count(*) FROM bookings WHERE event_id = ?", eventId);
  }

  static long availableSeats(long eventId) {
    return Db.number("SELECT available_seats FROM events WHERE id = ?", eventId);
  }

  /** Seats of bookings that still hold seats (PENDING or CONFIRMED). */
  static long seatsHeldOrSold(long eventId) {
    return Db.number(
        "SELECT COALESCE(SUM(quantity), 0) FROM bookings WHERE event_id = ?"
            + " AND status IN ('PENDING', 'CONFIRMED')",
        eventId);
  }
}
