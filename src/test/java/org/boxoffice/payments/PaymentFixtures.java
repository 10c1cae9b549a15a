package org.boxoffice.payments;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;

/** Events, bookings and waiting for the payments, tickets and email tests. */
public final class PaymentFixtures {
  private PaymentFixtures() {}

  /** Waits until the main server's application answers /health/ready. */
  public static void awaitApplication() {
    await(
        () -> {
          try {
            return Api.server().get("/health/ready").status() == 200;
          } catch (RuntimeException notYet) {
            return false;
          }
        },
        Duration.ofMinutes(4),
        "the application did not become ready");
  }

  /** A published event of one ticket type at {@code price}, on the server {@code api} talks to. */
  public static long publishedEvent(Api api, String title, int capacity, String price) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20);
    String body =
        """
        {"title": "%s", "description": "d", "location": "Main hall",
         "startDate": "%s", "endDate": "%s", "capacity": %d, "currency": "EUR",
         "ticketTypes": [{"name": "Standard", "price": %s, "maxPerOrder": 10}]}
        """
            .formatted(title.replace("\"", "\\\""), start, start.plusHours(3), capacity, price);
    ApiResponse created = api.post("/events", body);
    if (created.status() != 201) {
      throw new IllegalStateException("event creation failed: " + created);
    }
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = api.post("/events/" + id + "/publish", "{}");
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return id;
  }

  public static long publishedEvent(User organizer, int capacity, String price) {
    return publishedEvent(organizer.api(), "Payments test", capacity, price);
  }

  public static ApiResponse book(Api api, long eventId, int quantity) {
    return api.post(
        "/bookings", "{\"eventId\": %d, \"quantity\": %d}".formatted(eventId, quantity));
  }

  /** Books and checks the 201; returns the booking. */
  public static JsonObject booked(Api api, long eventId, int quantity) {
    ApiResponse booked = book(api, eventId, quantity);
    if (booked.status() != 201) {
      throw new IllegalStateException("booking failed: " + booked);
    }
    return booked.data();
  }

  public static long id(JsonObject object) {
    return object.getJsonNumber("id").longValue();
  }

  public static String intentOf(JsonObject booking) {
    return booking.getJsonObject("payment").getString("paymentIntentId");
  }

  public static String bookingStatus(long bookingId) {
    return (String)
        Db.query("SELECT status FROM bookings WHERE id = ?", bookingId).get(0).get("status");
  }

  public static long tickets(long bookingId) {
    return Db.number("SELECT count(*) FROM tickets WHERE booking_id = ?", bookingId);
  }

  public static long validTickets(long bookingId) {
    return Db.number(
        "SELECT count(*) FROM tickets WHERE booking_id = ? AND status = 'VALID'", bookingId);
  }

  public static long availableSeats(long eventId) {
    return Db.number("SELECT available_seats FROM events WHERE id = ?", eventId);
  }

  public static long outboxRows(long bookingId, String kind) {
    return Db.number(
        "SELECT count(*) FROM outbox WHERE booking_id = ? AND kind = ?", bookingId, kind);
  }

  /** Polls until the condition holds; fails with the message after the timeout. */
  public static void await(BooleanSupplier condition, Duration timeout, String message) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(message);
  }
}
