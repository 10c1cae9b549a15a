package org.boxoffice.admin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Reads and writes an event's times as the form shows them: {@code 2027-03-01 19:30}, local. */
final class EventTimes {
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Why a time typed in the form cannot be read; the message is the one the input shows. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private EventTimes() {}

  /**
   * The instant of a local time in a zone (UTC when none is given).
   *
   * @throws Unreadable when the time is missing, malformed, or the zone is unknown
   */
  static OffsetDateTime parse(String value, String timeZone) {
    if (value == null || value.isBlank()) {
      throw new Unreadable("is required");
    }
    try {
      ZoneId zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
      return LocalDateTime.parse(value.strip(), LOCAL).atZone(zone).toOffsetDateTime();
    } catch (DateTimeException e) {
      throw new Unreadable("must be a date and time such as 2027-03-01 19:30 and a known zone");
    }
  }

  /** The time as the form shows it, in the event's zone. */
  static String format(OffsetDateTime time, String timeZone) {
    return LOCAL.format(time.atZoneSameInstant(ZoneId.of(timeZone)));
  }
}
