package org.boxoffice.events.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes one event as an RFC 5545 iCalendar document: CRLF line endings, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, times in UTC.
 */
public final class CalendarWriter {
  private static final String CRLF = "\r\n";
  private static final int MAX_OCTETS = 75;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What goes into the VEVENT. */
  public record Entry(
      String uid,
      Instant stamp,
      Instant start,
      Instant end,
      String summary,
      String description,
      String location,
      boolean cancelled) {}

  private CalendarWriter() {}

  public static String write(Entry entry) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Boxoffice//Events//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + escape(entry.uid()));
    line(out, "DTSTAMP:" + UTC.format(entry.stamp()));
    line(out, "DTSTART:" + UTC.format(entry.start()));
    line(out, "DTEND:" + UTC.format(entry.end()));
    line(out, "SUMMARY:" + escape(entry.summary()));
    if (entry.description() != null && !entry.description().isEmpty()) {
      line(out, "DESCRIPTION:" + escape(entry.description()));
    }
    if (entry.location() != null && !entry.location().isEmpty()) {
      line(out, "LOCATION:" + escape(entry.location()));
    }
    line(out, "STATUS:" + (entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
    line(out, "END:VEVENT");
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** TEXT escaping: backslash, semicolon, comma and line breaks; other controls are dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\r' -> {
          out.append("\\n");
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> {
          if (c == '\t' || c >= 0x20 && c != 0x7f) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Appends a content line folded at 75 octets: continuation lines start with one space. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int codePoint = content.codePointAt(i);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + width > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += width;
      i += Character.charCount(codePoint);
    }
    out.append(CRLF);
  }
}
