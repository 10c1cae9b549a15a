package org.boxoffice.it.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Events for tests outside the events feature's own: one tier, a month ahead, published. */
public final class Events {
  private Events() {}

  /** Creates and publishes an event of one 20 EUR tier sharing the capacity; returns its id. */
  public static long published(Accounts.User organizer, int capacity) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Test event", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": %d, "currency": "EUR",
                 "ticketTypes": [{"name": "General", "price": 20, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(3), capacity));
    if (created.status() != 201) {
      throw new IllegalStateException("event creation failed: " + created);
    }
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return id;
  }
}
