package org.boxoffice.webhooks;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;

/** Endpoints, free events and bookings for the webhook tests. */
final class Hooks {
  private Hooks() {}

  /** Registers an endpoint of the organizer; returns the 201 answer's data (with the secret). */
  static JsonObject register(Accounts.User organizer, String url, String... types) {
    return register(organizer.api(), url, null, types);
  }

  static JsonObject register(Api api, String url, Long eventId, String... types) {
    ApiResponse created =
        api.post(
            "/webhooks",
            """
            {"url": "%s", "description": "test receiver", %s "eventTypes": [%s]}
            """
                .formatted(
                    url,
                    eventId == null ? "" : "\"eventId\": " + eventId + ",",
                    String.join(
                        ",", java.util.Arrays.stream(types).map(t -> "\"" + t + "\"").toList())));
    if (created.status() != 201) {
      throw new IllegalStateException("webhook registration failed: " + created);
    }
    return created.data();
  }

  /** A published event with one free tier: a booking of it is CONFIRMED at once. */
  static long freeEvent(Api organizer) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
    ApiResponse created =
        organizer.post(
            "/events",
            """
            {"title": "Webhook test", "description": "d", "location": "Hall",
             "startDate": "%s", "endDate": "%s", "capacity": 50, "currency": "EUR",
             "ticketTypes": [{"name": "Free", "price": 0, "maxPerOrder": 10}]}
            """
                .formatted(start, start.plusHours(3)));
    if (created.status() != 201) {
      throw new IllegalStateException("event creation failed: " + created);
    }
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = organizer.post("/events/" + id + "/publish", "{}");
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return id;
  }

  /** Books one free seat; returns the (CONFIRMED) booking's id. */
  static long book(Api attendee, long eventId) {
    ApiResponse booked =
        attendee.post("/bookings", "{\"eventId\": %d, \"quantity\": 1}".formatted(eventId));
    if (booked.status() != 201 || !"CONFIRMED".equals(booked.data().getString("status"))) {
      throw new IllegalStateException("booking failed: " + booked);
    }
    return booked.data().getJsonNumber("id").longValue();
  }

  /** A new account of the type on the server {@code api} talks to, signed in there. */
  static Api signedUp(Api api, String accountType) {
    String email = accountType.toLowerCase() + "-" + java.util.UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        api.post(
            "/auth/register",
            """
            {"email": "%s", "password": "%s", "firstName": "Test", "lastName": "User",
             "accountType": "%s"}
            """
                .formatted(email, Accounts.PASSWORD, accountType));
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered);
    }
    ApiResponse login =
        api.post(
            "/auth/login",
            "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, Accounts.PASSWORD));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login);
    }
    return api.as(login.data().getString("accessToken"));
  }

  static JsonObject json(String body) {
    return Api.parse(body);
  }
}
