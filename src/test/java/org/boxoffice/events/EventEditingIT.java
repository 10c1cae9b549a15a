package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.events.EventJson.event;
import static org.boxoffice.events.EventJson.inDays;
import static org.boxoffice.events.EventJson.tier;

import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class EventEditingIT {

  @Test
  void an_edit_is_visible_to_the_next_read_despite_the_cache() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Before"));
    assertThat(Api.server().get("/events/" + id).data().getString("title")).isEqualTo("Before");

    ApiResponse edited =
        organizer.api().patch("/events/" + id, "{\"title\": \"After\", \"location\": \"Lyon\"}");

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    var seen = Api.server().get("/events/" + id).data();
    assertThat(seen.getString("title")).isEqualTo("After");
    assertThat(seen.getString("location")).isEqualTo("Lyon");
    assertThat(seen.getString("description")).isEqualTo("An evening of music");
    assertThat(Db.number("select count(*) from events where id = ? and title = 'After'", id))
        .isEqualTo(1);
  }

  @Test
  void seats_taken_elsewhere_show_on_the_page_within_the_live_window() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Live seats"));
    Api.server().get("/events/" + id);

    Db.update("update events set available_seats = 60 where id = ?", id);

    // Live figures are cached for at most a second: poll rather than sleep a fixed time.
    int seats = -1;
    for (int attempt = 0; attempt < 50 && seats != 60; attempt++) {
      seats = Api.server().get("/events/" + id).data().getInt("availableSeats");
      if (seats != 60) {
        pause();
      }
    }
    assertThat(seats).isEqualTo(60);
  }

  @Test
  void capacity_cannot_drop_below_the_seats_taken() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Busy"));
    Db.update("update events set available_seats = 30 where id = ?", id);

    ApiResponse refused = organizer.api().patch("/events/" + id, "{\"capacity\": 69}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("CAPACITY_BELOW_SOLD");
    assertThat(refused.errorFields()).containsExactly("capacity");
    assertThat(Db.number("select capacity from events where id = ?", id)).isEqualTo(100);
  }

  @Test
  void raising_or_lowering_capacity_keeps_the_seats_taken() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Resized"));
    Db.update("update events set available_seats = 30 where id = ?", id);

    ApiResponse resized = organizer.api().patch("/events/" + id, "{\"capacity\": 80}");

    assertThat(resized.status()).as(resized.toString()).isEqualTo(200);
    assertThat(resized.data().getInt("availableSeats")).isEqualTo(10);
    assertThat(Db.number("select available_seats from events where id = ?", id)).isEqualTo(10);
  }

  @Test
  void a_tier_quantity_cannot_drop_below_its_seats_taken() {
    User organizer = Accounts.organizer();
    long id =
        EventJson.published(
            organizer,
            event(
                "Tiered",
                inDays(20),
                inDays(21),
                100,
                "EUR",
                "{\"name\": \"VIP\", \"price\": 99, \"quantity\": 20}"));
    long tierId = Db.number("select id from ticket_types where event_id = ?", id);
    Db.update("update ticket_types set available = 5, taken = 15 where id = ?", tierId);

    ApiResponse refused =
        organizer
            .api()
            .patch(
                "/events/" + id,
                "{\"ticketTypes\": [{\"id\": %d, \"quantity\": 10}]}".formatted(tierId));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("CAPACITY_BELOW_SOLD");
    assertThat(refused.errorFields()).containsExactly("ticketTypes[0].quantity");
    assertThat(Db.number("select quantity from ticket_types where id = ?", tierId)).isEqualTo(20);
  }

  @Test
  void tiers_are_repriced_added_and_closed_by_patch() {
    User organizer = Accounts.organizer();
    long id = EventJson.draft(organizer, EventJson.valid("Tiers"));
    long tierId = Db.number("select id from ticket_types where event_id = ?", id);

    ApiResponse edited =
        organizer
            .api()
            .patch(
                "/events/" + id,
                """
                {"ticketTypes": [{"id": %d, "price": 30.5, "closed": true}],
                 "addTicketTypes": [{"name": "Late", "price": 40, "quantity": 10}]}
                """
                    .formatted(tierId));

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    var tiers = edited.data().getJsonArray("ticketTypes");
    assertThat(tiers).hasSize(2);
    assertThat(tiers.getJsonObject(0).getJsonNumber("price").toString()).isEqualTo("30.50");
    assertThat(tiers.getJsonObject(0).getBoolean("closed")).isTrue();
    assertThat(tiers.getJsonObject(1).getString("name")).isEqualTo("Late");
    assertThat(Db.number("select count(*) from ticket_types where event_id = ?", id)).isEqualTo(2);
  }

  @Test
  void tiers_keep_the_order_the_organizer_gave_them() {
    User organizer = Accounts.organizer();
    String[] names = {"Zeta", "Alpha", "Mu", "Beta", "Omega", "Delta"};
    String[] tiers = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      tiers[i] = tier(names[i], String.valueOf(10 + i));
    }
    long id =
        EventJson.draft(organizer, event("Ordered", inDays(20), inDays(21), 100, "EUR", tiers));
    long mu = Db.number("select id from ticket_types where event_id = ? and name = 'Mu'", id);

    organizer.api().delete("/events/" + id + "/ticket-types/" + mu);
    ApiResponse added =
        organizer
            .api()
            .patch("/events/" + id, "{\"addTicketTypes\": [{\"name\": \"Late\", \"price\": 40}]}");

    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    assertThat(names(added)).containsExactly("Zeta", "Alpha", "Beta", "Omega", "Delta", "Late");
    assertThat(names(organizer.api().get("/events/" + id)))
        .containsExactly("Zeta", "Alpha", "Beta", "Omega", "Delta", "Late");
  }

  private static java.util.List<String> names(ApiResponse event) {
    return event.data().getJsonArray("ticketTypes").stream()
        .map(tier -> tier.asJsonObject().getString("name"))
        .toList();
  }

  @Test
  void a_tier_with_sales_cannot_be_deleted_but_an_unsold_one_can() {
    User organizer = Accounts.organizer();
    long id =
        EventJson.published(
            organizer,
            event("Two tiers", inDays(20), inDays(21), 100, "EUR", tier("A", "1"), tier("B", "2")));
    var tiers = Db.query("select id from ticket_types where event_id = ? order by id", id);
    long sold = ((Number) tiers.get(0).get("id")).longValue();
    long unsold = ((Number) tiers.get(1).get("id")).longValue();
    Db.update("update ticket_types set taken = 3 where id = ?", sold);

    ApiResponse refused = organizer.api().delete("/events/" + id + "/ticket-types/" + sold);
    ApiResponse deleted = organizer.api().delete("/events/" + id + "/ticket-types/" + unsold);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("TICKET_TYPE_HAS_SALES");
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
    assertThat(Db.number("select count(*) from ticket_types where event_id = ?", id)).isEqualTo(1);
  }

  @Test
  void another_organizer_cannot_see_or_change_the_event() {
    long id = EventJson.published(Accounts.organizer(), EventJson.valid("Mine"));
    User other = Accounts.organizer();

    assertThat(other.api().patch("/events/" + id, "{\"title\": \"Theirs\"}").status())
        .isEqualTo(404);
    assertThat(other.api().post("/events/" + id + "/cancel", "").status()).isEqualTo(404);
    assertThat(Db.number("select count(*) from events where id = ? and title = 'Mine'", id))
        .isEqualTo(1);
  }

  @Test
  void cancelling_is_idempotent_and_ends_editing() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Called off"));

    ApiResponse first = organizer.api().post("/events/" + id + "/cancel", "");
    ApiResponse second = organizer.api().post("/events/" + id + "/cancel", "");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.data().getString("status")).isEqualTo("CANCELLED");
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.data().getString("status")).isEqualTo("CANCELLED");
    assertThat(organizer.api().patch("/events/" + id, "{\"title\": \"x\"}").errorCode())
        .isEqualTo("EVENT_NOT_EDITABLE");
    assertThat(organizer.api().post("/events/" + id + "/publish", "").status()).isEqualTo(409);
    assertThat(Api.server().get("/events/" + id).data().getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void a_draft_whose_start_has_passed_cannot_be_published() {
    User organizer = Accounts.organizer();
    long id =
        EventJson.draft(
            organizer, event("Too late", inDays(-2), inDays(-1), 10, "EUR", tier("A", "1")));

    ApiResponse refused = organizer.api().post("/events/" + id + "/publish", "");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("EVENT_START_PASSED");
    assertThat(refused.errorFields()).containsExactly("startDate");
    assertThat(Db.number("select count(*) from events where id = ? and status = 'DRAFT'", id))
        .isEqualTo(1);
  }

  @Test
  void a_published_event_whose_end_has_passed_reads_as_completed() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Over"));
    Db.update(
        "update events set start_date = now() - interval '2 days',"
            + " end_date = now() - interval '1 day' where id = ?",
        id);

    assertThat(organizer.api().get("/organizer/events?size=100").data().toString())
        .contains("\"COMPLETED\"");
    assertThat(organizer.api().post("/events/" + id + "/cancel", "").status()).isEqualTo(409);
  }

  @Test
  void patch_validates_each_field() {
    User organizer = Accounts.organizer();
    long id = EventJson.draft(organizer, EventJson.valid("Strict"));

    ApiResponse blank = organizer.api().patch("/events/" + id, "{\"title\": \" \"}");
    ApiResponse capacity = organizer.api().patch("/events/" + id, "{\"capacity\": 0}");
    ApiResponse dates =
        organizer.api().patch("/events/" + id, "{\"endDate\": \"%s\"}".formatted(inDays(1)));

    assertThat(blank.errorFields()).contains("title");
    assertThat(capacity.errorFields()).contains("capacity");
    assertThat(dates.status()).isEqualTo(400);
    assertThat(dates.errorFields()).contains("endDate");
    assertThat(Db.number("select count(*) from events where id = ? and title = 'Strict'", id))
        .isEqualTo(1);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
