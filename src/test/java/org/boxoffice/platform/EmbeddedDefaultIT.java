package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first run: a server with no database settings at all boots on the embedded H2
 * default, migrates it, and seeds the demo organizer, attendee and events.
 */
class EmbeddedDefaultIT {
  private static LibertyServer server;

  @BeforeAll
  static void startWithNoDatabaseSettings() {
    server = LibertyServer.copyOfMain("boxoffice-h2", LibertyServer.port(7), Map.of());
    server.start().awaitReady(200, Duration.ofMinutes(3));
    // Seeding runs in the background once the schema is migrated: wait for it, not for a time.
    server.await(
        response -> response.status() == 200 && response.data().getInt("total") >= 3,
        Duration.ofMinutes(2),
        "/api/v1/events");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void the_server_boots_on_the_embedded_default_and_lists_the_demo_events() {
    ApiResponse catalog = server.api().get("/events");

    assertThat(catalog.status()).isEqualTo(200);
    var titles =
        catalog.data().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .map(event -> event.getString("title"))
            .toList();
    assertThat(titles).contains("Jazz at the Riverside", "Open Source Meetup");
    assertThat(server.messages()).contains("Demo data seeded");
  }

  @Test
  void the_demo_organizer_can_sign_in_and_sees_the_demo_events() {
    ApiResponse login =
        server
            .api()
            .post(
                "/auth/login",
                """
                {"email": "organizer@demo.boxoffice.test", "password": "demo-organizer-pass"}
                """);

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.data().getJsonObject("user").getString("role")).isEqualTo("ORGANIZER");
    ApiResponse own =
        server.api().as(login.data().getString("accessToken")).get("/organizer/events");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.data().getInt("total")).isEqualTo(4);
  }

  @Test
  void a_configured_postgresql_database_is_never_seeded() {
    assertThat(
            Db.number(
                "select count(*) from users where email_lower in (?, ?)",
                "organizer@demo.boxoffice.test",
                "attendee@demo.boxoffice.test"))
        .isZero();
  }

  @Test
  void the_demo_attendee_can_sign_in() {
    ApiResponse login =
        server
            .api()
            .post(
                "/auth/login",
                """
                {"email": "attendee@demo.boxoffice.test", "password": "demo-attendee-pass"}
                """);

    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    assertThat(login.data().getJsonObject("user").getString("role")).isEqualTo("ATTENDEE");
  }

  /** The booking path's locking query on H2 (in PostgreSQL mode) as on PostgreSQL. */
  @Test
  void the_demo_attendee_books_a_seat_and_the_event_has_one_seat_less() {
    String token =
        server
            .api()
            .post(
                "/auth/login",
                """
                {"email": "attendee@demo.boxoffice.test", "password": "demo-attendee-pass"}
                """)
            .data()
            .getString("accessToken");
    var jazz =
        server.api().get("/events?q=Riverside").data().getJsonArray("items").stream()
            .map(JsonValue::asJsonObject)
            .filter(event -> event.getString("title").equals("Jazz at the Riverside"))
            .findFirst()
            .orElseThrow();
    long eventId = jazz.getJsonNumber("id").longValue();
    int before = jazz.getInt("availableSeats");
    long tier =
        server
            .api()
            .get("/events/" + eventId)
            .data()
            .getJsonArray("ticketTypes")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();

    ApiResponse booked =
        server
            .api()
            .as(token)
            .post(
                "/bookings",
                "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": 1}"
                    .formatted(eventId, tier));

    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    assertThat(server.api().get("/events/" + eventId).data().getInt("availableSeats"))
        .isEqualTo(before - 1);
  }
}
