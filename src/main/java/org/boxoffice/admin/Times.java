package org.boxoffice.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times: to the second, in UTC unless a page knows a better zone. */
@Named
@ApplicationScoped
public class Times {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
  static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** {@code 2027-03-01 18:30:05 UTC}, or empty for no time. */
  public String utc(OffsetDateTime time) {
    return time == null ? "" : UTC.format(time.withOffsetSameInstant(ZoneOffset.UTC));
  }

  /** The zone an event is held in; UTC when it names none the JDK knows. */
  static ZoneId zone(String zoneId) {
    try {
      return zoneId == null ? ZoneOffset.UTC : ZoneId.of(zoneId);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }
}
