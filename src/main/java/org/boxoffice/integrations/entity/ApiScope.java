package org.boxoffice.integrations.entity;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do, as written on the wire ({@code events:read}). */
public enum ApiScope {
  EVENTS_READ("events:read"),
  EVENTS_WRITE("events:write"),
  BOOKINGS_READ("bookings:read"),
  BOOKINGS_WRITE("bookings:write"),
  CHECKINS_WRITE("checkins:write"),
  WEBHOOKS_READ("webhooks:read"),
  WEBHOOKS_WRITE("webhooks:write");

  private final String wireName;

  ApiScope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ApiScope> ofWireName(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
  }
}
