package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.boxoffice.booking.control.Csv;
import org.boxoffice.booking.control.RequestFingerprint;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void plain_cells_are_joined_with_commas_and_the_row_ends_with_CRLF() {
    assertThat(Csv.row(List.of("bookingId", 12, "Ada"))).isEqualTo("bookingId,12,Ada\r\n");
  }

  @Test
  void commas_quotes_and_line_breaks_are_quoted_per_RFC_4180() {
    assertThat(Csv.row(List.of("Lovelace, Ada", "say \"hi\"", "two\nlines")))
        .isEqualTo("\"Lovelace, Ada\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
  }

  @Test
  void cells_that_a_spreadsheet_would_run_as_formulas_are_defused() {
    assertThat(Csv.row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx")))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx\r\n");
  }

  @Test
  void null_cells_are_empty() {
    assertThat(Csv.row(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
  }

  @Test
  void request_fingerprints_differ_when_any_part_differs_and_never_collide_on_joins() {
    assertThat(RequestFingerprint.of("1", "2")).isEqualTo(RequestFingerprint.of("1", "2"));
    assertThat(RequestFingerprint.of("1", "2")).isNotEqualTo(RequestFingerprint.of("1", "3"));
    assertThat(RequestFingerprint.of("1;2", "")).isNotEqualTo(RequestFingerprint.of("1", "2"));
    assertThat(RequestFingerprint.of("a", null)).isNotEqualTo(RequestFingerprint.of("a", ""));
  }
}
