package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.events.EventJson.event;
import static org.boxoffice.events.EventJson.inDays;
import static org.boxoffice.events.EventJson.tier;

import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad field is a 400 naming the field, and nothing is stored. */
class EventValidationIT {
  private User organizer;
  private String title;

  @BeforeEach
  void organizer() {
    organizer = Accounts.organizer();
    title = "Invalid " + UUID.randomUUID();
  }

  private void assertRefused(String body, String field) {
    ApiResponse response = organizer.api().post("/events", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.errorFields()).contains(field);
    assertThat(Db.number("select count(*) from events where organizer_id = ?", organizer.id()))
        .isZero();
  }

  private String valid() {
    return EventJson.valid(title);
  }

  @Test
  void a_blank_title_is_refused() {
    assertRefused(valid().replace("\"title\": \"" + title + "\"", "\"title\": \"  \""), "title");
  }

  @Test
  void a_title_over_200_characters_is_refused() {
    assertRefused(
        valid().replace("\"title\": \"" + title + "\"", "\"title\": \"" + "x".repeat(201) + "\""),
        "title");
  }

  @Test
  void a_missing_location_is_refused() {
    assertRefused(valid().replace("\"location\": \"Paris, Olympia\",", ""), "location");
  }

  @Test
  void an_end_before_the_start_is_refused() {
    assertRefused(event(title, inDays(30), inDays(29), 100, "EUR", tier("A", "1.00")), "endDate");
  }

  @Test
  void a_start_without_offset_is_refused() {
    assertRefused(
        valid().replaceFirst("\"startDate\": \"[^\"]+\"", "\"startDate\": \"2030-01-01T10:00\""),
        "startDate");
  }

  @Test
  void a_capacity_of_zero_or_over_a_million_is_refused() {
    assertRefused(event(title, inDays(30), inDays(31), 0, "EUR", tier("A", "1.00")), "capacity");
    assertRefused(
        event(title, inDays(30), inDays(31), 1_000_001, "EUR", tier("A", "1.00")), "capacity");
  }

  @Test
  void a_capacity_of_the_wrong_type_is_refused() {
    assertRefused(valid().replace("\"capacity\": 100", "\"capacity\": \"many\""), "capacity");
  }

  @Test
  void an_unknown_currency_is_refused() {
    assertRefused(event(title, inDays(30), inDays(31), 10, "XYZ", tier("A", "1.00")), "currency");
    assertRefused(event(title, inDays(30), inDays(31), 10, "eur", tier("A", "1.00")), "currency");
  }

  @Test
  void an_unknown_time_zone_is_refused() {
    assertRefused(valid().replace("Europe/Paris", "Mars/Olympus_Mons"), "timeZone");
  }

  @Test
  void an_event_without_ticket_types_is_refused() {
    assertRefused(event(title, inDays(30), inDays(31), 10, "EUR"), "ticketTypes");
  }

  @Test
  void a_negative_price_is_refused() {
    assertRefused(
        event(title, inDays(30), inDays(31), 10, "EUR", tier("A", "-1.00")),
        "ticketTypes[0].price");
  }

  @Test
  void a_price_with_three_decimals_is_refused() {
    assertRefused(
        event(title, inDays(30), inDays(31), 10, "EUR", tier("A", "1.005")),
        "ticketTypes[0].price");
  }

  @Test
  void a_tier_quantity_above_the_capacity_is_refused() {
    assertRefused(
        event(
            title,
            inDays(30),
            inDays(31),
            10,
            "EUR",
            "{\"name\": \"Big\", \"price\": 1, \"quantity\": 11}"),
        "ticketTypes[0].quantity");
  }

  @Test
  void a_max_per_order_over_100_is_refused() {
    assertRefused(
        event(
            title,
            inDays(30),
            inDays(31),
            10,
            "EUR",
            "{\"name\": \"A\", \"price\": 1, \"maxPerOrder\": 101}"),
        "ticketTypes[0].maxPerOrder");
  }

  @Test
  void a_sales_window_ending_before_it_starts_is_refused() {
    String tier =
        "{\"name\": \"A\", \"price\": 1, \"salesStart\": \"%s\", \"salesEnd\": \"%s\"}"
            .formatted(inDays(10), inDays(5));
    assertRefused(event(title, inDays(30), inDays(31), 10, "EUR", tier), "ticketTypes[0].salesEnd");
  }

  @Test
  void malformed_json_is_refused_without_a_stack_trace() {
    ApiResponse response = organizer.api().post("/events", "{\"title\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void the_sum_of_tier_quantities_may_exceed_the_capacity() {
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                event(
                    title,
                    inDays(30),
                    inDays(31),
                    10,
                    "EUR",
                    "{\"name\": \"A\", \"price\": 1, \"quantity\": 8}",
                    "{\"name\": \"B\", \"price\": 2, \"quantity\": 8}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void the_description_is_stored_exactly_as_given() {
    String html = "<script>alert(1)</script> & \\\"quotes\\\"";
    ApiResponse created =
        organizer.api().post("/events", valid().replace("An evening of music", html));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.data().getString("description"))
        .isEqualTo("<script>alert(1)</script> & \"quotes\"");
  }
}
