package org.boxoffice.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;

/** Request bodies for the events tests: a valid event, and the one field a test varies. */
final class EventJson {
  private EventJson() {}

  static OffsetDateTime inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(days).truncatedTo(ChronoUnit.HOURS);
  }

  /** A valid event with one paid tier, starting in 30 days. */
  static String valid(String title) {
    return event(title, inDays(30), inDays(30).plusHours(3), 100, "EUR", tier("Standard", "25.00"));
  }

  static String event(
      String title,
      OffsetDateTime start,
      OffsetDateTime end,
      int capacity,
      String currency,
      String... tiers) {
    return """
        {"title": "%s", "description": "An evening of music", "location": "Paris, Olympia",
         "startDate": "%s", "endDate": "%s", "timeZone": "Europe/Paris", "capacity": %d,
         "currency": "%s", "ticketTypes": [%s]}
        """
        .formatted(title, start, end, capacity, currency, String.join(",", tiers));
  }

  static String tier(String name, String price) {
    return """
        {"name": "%s", "price": %s}
        """
        .formatted(name, price);
  }

  /** Creates a draft; returns its id. */
  static long draft(User organizer, String body) {
    ApiResponse created = organizer.api().post("/events", body);
    if (created.status() != 201) {
      throw new IllegalStateException("event not created: " + created);
    }
    return created.data().getJsonNumber("id").longValue();
  }

  /** Creates and publishes an event; returns its id. */
  static long published(User organizer, String body) {
    long id = draft(organizer, body);
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "");
    if (published.status() != 200) {
      throw new IllegalStateException("event not published: " + published);
    }
    return id;
  }
}
