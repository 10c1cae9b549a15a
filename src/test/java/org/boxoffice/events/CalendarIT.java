package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

class CalendarIT {

  @Test
  void the_calendar_file_parses_back_to_the_event() throws Exception {
    User organizer = Accounts.organizer();
    OffsetDateTime start = EventJson.inDays(12);
    String description =
        "Doors at 19:00; bring ID, please.\\nBackslash \\\\ kept. "
            + "Très long texte accentué pour forcer le pliage des lignes à 75 octets — "
            + "encore et encore, jusqu'à dépasser largement la limite.";
    String body =
        EventJson.event(
                "Jazz, blues; and more",
                start,
                start.plusHours(3),
                50,
                "EUR",
                EventJson.tier("Standard", "10"))
            .replace("An evening of music", description);
    long id = EventJson.published(organizer, body);

    ApiResponse ics = Api.server().get("/events/" + id + "/calendar.ics");

    assertThat(ics.status()).isEqualTo(200);
    assertThat(ics.header("Content-Type")).startsWith("text/calendar").contains("utf-8");
    String text = ics.body();
    assertThat(text).contains("\r\n").doesNotContain("\r\n\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    Calendar calendar = new CalendarBuilder().build(new StringReader(text));
    VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    assertThat(value(event, Property.SUMMARY)).isEqualTo("Jazz, blues; and more");
    assertThat(value(event, Property.DESCRIPTION))
        .isEqualTo(
            "Doors at 19:00; bring ID, please.\nBackslash \\ kept. "
                + "Très long texte accentué pour forcer le pliage des lignes à 75 octets — "
                + "encore et encore, jusqu'à dépasser largement la limite.");
    assertThat(value(event, Property.LOCATION)).isEqualTo("Paris, Olympia");
    assertThat(value(event, Property.UID)).startsWith("event-" + id + "@");
    assertThat(value(event, Property.DTSTART))
        .isEqualTo(
            start
                .withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
    assertThat(value(event, Property.DTSTAMP)).endsWith("Z");
  }

  @Test
  void a_draft_has_no_public_calendar() {
    long id = EventJson.draft(Accounts.organizer(), EventJson.valid("Hidden"));
    assertThat(Api.server().get("/events/" + id + "/calendar.ics").status()).isEqualTo(404);
  }

  private static String value(VEvent event, String name) {
    return event.getProperty(name).orElseThrow().getValue();
  }
}
