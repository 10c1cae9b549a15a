package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public catalog over a few hundred events stored by SQL: 250 published (two per start time, so
 * ties show), 10 drafts and 10 cancelled ones, every title carrying this run's marker.
 */
class CatalogIT {
  private static String marker;
  private static Accounts.User organizer;

  @BeforeAll
  static void generateEvents() {
    marker = "cat" + UUID.randomUUID().toString().substring(0, 8);
    organizer = Accounts.organizer();
    Db.update(
        """
        insert into events (organizer_id, title, description, location, start_date, end_date,
                            time_zone, capacity, available_seats, currency, status, created_at,
                            updated_at)
        select ?, 'Concert ' || ? || ' #' || g, 'Generated for the catalog test',
               case when g % 5 = 0 then 'Lyon, Halle Tony Garnier' else 'Paris, Zenith' end,
               now() + (g / 2 + 1) * interval '1 day',
               now() + (g / 2 + 1) * interval '1 day' + interval '2 hours',
               'UTC', 100, 100, 'EUR',
               case when g <= 250 then 'PUBLISHED' when g <= 260 then 'DRAFT' else 'CANCELLED' end,
               now(), now()
        from generate_series(1, 270) g
        """,
        organizer.id(), marker);
  }

  private static List<Long> ids(ApiResponse response) {
    return response.data().getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .map(item -> item.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void pages_list_every_published_match_once_soonest_first_in_a_stable_order() {
    List<Long> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      ApiResponse response = Api.server().get("/events?q=" + marker + "&size=100&page=" + page);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.data().getInt("total")).isEqualTo(250);
      assertThat(response.data().getInt("page")).isEqualTo(page);
      seen.addAll(ids(response));
    }
    List<Long> expected =
        Db.query(
                "select id from events where title like ? and status = 'PUBLISHED'"
                    + " order by start_date, id",
                "%" + marker + "%")
            .stream()
            .map(row -> ((Number) row.get("id")).longValue())
            .toList();
    assertThat(seen).hasSize(250).doesNotHaveDuplicates().isEqualTo(expected);
  }

  @Test
  void a_page_past_the_end_is_empty_with_the_total() {
    ApiResponse response = Api.server().get("/events?q=" + marker + "&size=100&page=3");
    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response)).isEmpty();
    assertThat(response.data().getInt("total")).isEqualTo(250);
  }

  @Test
  void search_is_case_insensitive_and_filters_by_location() {
    ApiResponse lyon =
        Api.server().get("/events?q=" + marker.toUpperCase() + "&location=LYON&size=100");
    assertThat(lyon.status()).isEqualTo(200);
    assertThat(lyon.data().getInt("total")).isEqualTo(50);
    assertThat(lyon.data().getJsonArray("items").getJsonObject(0).getString("location"))
        .startsWith("Lyon");
  }

  @Test
  void the_date_range_bounds_the_start() {
    String from = java.time.LocalDate.now().plusDays(10).toString();
    String to = java.time.LocalDate.now().plusDays(19).toString();
    ApiResponse range =
        Api.server().get("/events?q=" + marker + "&from=" + from + "&to=" + to + "&size=100");
    long expected =
        Db.number(
            "select count(*) from events where title like ? and status = 'PUBLISHED'"
                + " and start_date >= cast(? as date) and start_date < cast(? as date) + 1",
            "%" + marker + "%",
            from,
            to);
    assertThat(range.status()).isEqualTo(200);
    assertThat(range.data().getInt("total")).isEqualTo((int) expected).isPositive();
  }

  @Test
  void wildcards_in_the_query_are_taken_literally() {
    ApiResponse response = Api.server().get("/events?q=" + marker + "%25");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.data().getInt("total")).isZero();
  }

  @Test
  void the_organizer_sees_every_status_of_their_own_events() {
    ApiResponse mine = organizer.api().get("/organizer/events?size=100&page=2");
    ApiResponse someoneElse = Accounts.organizer().api().get("/organizer/events");

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.data().getInt("total")).isEqualTo(270);
    var statuses =
        mine.data().getJsonArray("items").stream()
            .map(item -> item.asJsonObject().getString("status"))
            .distinct()
            .toList();
    assertThat(statuses).contains("DRAFT", "CANCELLED");
    assertThat(someoneElse.data().getInt("total")).isZero();
  }

  @Test
  void bad_paging_and_dates_are_refused_with_the_field_named() {
    ApiResponse size = Api.server().get("/events?size=101");
    ApiResponse page = Api.server().get("/events?page=-1");
    ApiResponse from = Api.server().get("/events?from=yesterday");
    ApiResponse order = Api.server().get("/events?from=2030-01-02&to=2030-01-01");

    assertThat(size.status()).isEqualTo(400);
    assertThat(size.errorFields()).containsExactly("size");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.errorFields()).containsExactly("page");
    assertThat(from.status()).isEqualTo(400);
    assertThat(from.errorFields()).containsExactly("from");
    assertThat(order.status()).isEqualTo(400);
    assertThat(order.errorFields()).containsExactly("to");
  }

  @Test
  void organizer_events_need_an_organizer() {
    assertThat(Api.server().get("/organizer/events").status()).isEqualTo(401);
    assertThat(Accounts.attendee().api().get("/organizer/events").status()).isEqualTo(403);
  }
}
