package org.boxoffice.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class EventLifecycleIT {

  @Test
  void an_organizer_creates_a_draft_with_its_ticket_types() {
    User organizer = Accounts.organizer();

    ApiResponse created = organizer.api().post("/events", EventJson.valid("Draft night"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var data = created.data();
    long id = data.getJsonNumber("id").longValue();
    assertThat(created.header("Location")).endsWith("/api/v1/events/" + id);
    assertThat(data.getString("status")).isEqualTo("DRAFT");
    assertThat(data.getInt("capacity")).isEqualTo(100);
    assertThat(data.getInt("availableSeats")).isEqualTo(100);
    assertThat(data.getJsonNumber("organizerId").longValue()).isEqualTo(organizer.id());
    assertThat(data.getString("timeZone")).isEqualTo("Europe/Paris");
    var tier = data.getJsonArray("ticketTypes").getJsonObject(0);
    assertThat(tier.getString("name")).isEqualTo("Standard");
    assertThat(tier.getJsonNumber("price").toString()).isEqualTo("25.00");
    assertThat(tier.getInt("maxPerOrder")).isEqualTo(10);
    assertThat(tier.getInt("available")).isEqualTo(100);
    assertThat(
            Db.number(
                "select count(*) from events where id = ? and status = 'DRAFT' and organizer_id = ?",
                id,
                organizer.id()))
        .isEqualTo(1);
    assertThat(Db.number("select count(*) from ticket_types where event_id = ?", id)).isEqualTo(1);
  }

  @Test
  void publishing_a_draft_makes_it_visible_to_everyone() {
    User organizer = Accounts.organizer();
    long id = EventJson.draft(organizer, EventJson.valid("Opening gala"));

    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "");

    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.data().getString("status")).isEqualTo("PUBLISHED");
    ApiResponse seen = Api.server().get("/events/" + id);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.data().getString("status")).isEqualTo("PUBLISHED");
    assertThat(seen.data().getString("title")).isEqualTo("Opening gala");
  }

  @Test
  void a_draft_is_seen_by_its_organizer_only() {
    User organizer = Accounts.organizer();
    long id = EventJson.draft(organizer, EventJson.valid("Secret draft"));

    assertThat(organizer.api().get("/events/" + id).status()).isEqualTo(200);
    ApiResponse anonymous = Api.server().get("/events/" + id);
    assertThat(anonymous.status()).isEqualTo(404);
    assertThat(anonymous.errorCode()).isEqualTo("EVENT_NOT_FOUND");
    assertThat(Accounts.organizer().api().get("/events/" + id).status()).isEqualTo(404);
    assertThat(Accounts.attendee().api().get("/events/" + id).status()).isEqualTo(404);
  }

  @Test
  void publishing_twice_is_refused_as_a_conflict() {
    User organizer = Accounts.organizer();
    long id = EventJson.published(organizer, EventJson.valid("Twice"));

    ApiResponse again = organizer.api().post("/events/" + id + "/publish", "");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("INVALID_STATUS_TRANSITION");
  }

  @Test
  void only_organizers_create_events() {
    ApiResponse anonymous = Api.server().post("/events", EventJson.valid("Nobody's"));
    ApiResponse attendee = Accounts.attendee().api().post("/events", EventJson.valid("Attendee's"));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(attendee.status()).isEqualTo(403);
    assertThat(Db.number("select count(*) from events where title in ('Nobody''s', 'Attendee''s')"))
        .isZero();
  }
}
