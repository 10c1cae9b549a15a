package org.boxoffice.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendarWriterTest {

  @Test
  void text_values_escape_backslash_semicolon_comma_and_newlines() {
    assertThat(CalendarWriter.escape("a\\b;c,d\ne\r\nf\rg"))
        .isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  }

  @Test
  void control_characters_other_than_tab_are_dropped() {
    assertThat(CalendarWriter.escape("a\u0000b\tc\u007f")).isEqualTo("ab\tc");
  }

  @Test
  void long_lines_fold_at_75_octets_without_splitting_a_character() {
    StringBuilder out = new StringBuilder();
    CalendarWriter.line(out, "DESCRIPTION:" + "é".repeat(100));

    String[] lines = out.toString().split("\r\n");
    assertThat(lines.length).isGreaterThan(2);
    for (String line : lines) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(lines[1]).startsWith(" ");
    assertThat(out.toString().replace("\r\n ", ""))
        .isEqualTo("DESCRIPTION:" + "é".repeat(100) + "\r\n");
  }

  @Test
  void times_are_written_in_utc() {
    String ics =
        CalendarWriter.write(
            new CalendarWriter.Entry(
                "event-1@test",
                Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2027-03-01T18:30:00Z"),
                Instant.parse("2027-03-01T21:00:00Z"),
                "Title",
                null,
                null,
                false));
    assertThat(ics)
        .startsWith("BEGIN:VCALENDAR\r\n")
        .contains("DTSTART:20270301T183000Z\r\n", "DTEND:20270301T210000Z\r\n")
        .endsWith("END:VCALENDAR\r\n");
  }
}
