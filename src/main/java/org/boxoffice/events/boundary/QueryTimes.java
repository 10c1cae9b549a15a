package org.boxoffice.events.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.boxoffice.platform.entity.DomainException;

/** Date query parameters: an ISO-8601 date-time with offset, or a plain date (UTC). */
final class QueryTimes {
  private QueryTimes() {}

  /** The instant the parameter names; a plain date means its start, or its end when inclusive. */
  static Instant parse(String value, String field, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        LocalDate date = LocalDate.parse(value.strip());
        return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw DomainException.invalid(
            field, "must be an ISO-8601 date-time with offset or a date (2027-03-01)");
      }
    }
  }
}
