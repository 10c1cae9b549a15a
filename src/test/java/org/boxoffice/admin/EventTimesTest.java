package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class EventTimesTest {

  @Test
  void a_local_time_is_read_in_the_events_zone() {
    assertThat(EventTimes.parse("2027-03-01 19:30", "Europe/Paris"))
        .isEqualTo(OffsetDateTime.parse("2027-03-01T19:30+01:00"));
  }

  @Test
  void a_summer_time_takes_the_zones_summer_offset() {
    assertThat(EventTimes.parse("2027-07-01 19:30", "Europe/Paris"))
        .isEqualTo(OffsetDateTime.parse("2027-07-01T19:30+02:00"));
  }

  @Test
  void no_zone_means_utc_and_surrounding_spaces_are_ignored() {
    assertThat(EventTimes.parse(" 2027-03-01 19:30 ", null))
        .isEqualTo(OffsetDateTime.parse("2027-03-01T19:30Z"));
    assertThat(EventTimes.parse("2027-03-01 19:30", " "))
        .isEqualTo(OffsetDateTime.parse("2027-03-01T19:30Z"));
    assertThat(EventTimes.parse("2027-03-01 19:30", " Asia/Tokyo "))
        .isEqualTo(OffsetDateTime.parse("2027-03-01T19:30+09:00"));
  }

  @Test
  void a_missing_time_is_refused_as_required() {
    assertThatThrownBy(() -> EventTimes.parse(null, "UTC"))
        .isInstanceOf(EventTimes.Unreadable.class)
        .hasMessage("is required");
    assertThatThrownBy(() -> EventTimes.parse("  ", "UTC")).hasMessage("is required");
  }

  @Test
  void a_malformed_time_or_an_unknown_zone_is_refused_with_an_example() {
    String expected = "must be a date and time such as 2027-03-01 19:30 and a known zone";
    assertThatThrownBy(() -> EventTimes.parse("01/03/2027 19:30", "UTC")).hasMessage(expected);
    assertThatThrownBy(() -> EventTimes.parse("2027-03-01", "UTC")).hasMessage(expected);
    assertThatThrownBy(() -> EventTimes.parse("2027-03-01 19:30", "Mars/Olympus"))
        .hasMessage(expected);
  }

  @Test
  void a_saved_time_is_written_back_in_the_events_zone() {
    assertThat(EventTimes.format(OffsetDateTime.parse("2027-03-01T18:30Z"), "Europe/Paris"))
        .isEqualTo("2027-03-01 19:30");
  }
}
