package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.webhooks.Receiver;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The organizer's webhooks page in a real browser: the endpoints, a delivery log, redelivery. */
class WebhooksBrowserIT extends AdminBrowserBase {

  @Test
  void the_organizer_reads_the_delivery_log_and_sends_a_dead_message_again() {
    User organizer = Accounts.organizer();
    try (Receiver receiver = new Receiver()) {
      receiver.always(Receiver.Answer.status(500));
      ApiResponse registered =
          organizer
              .api()
              .post(
                  "/webhooks",
                  "{\"url\": \"%s\", \"eventTypes\": [\"booking.confirmed\"]}"
                      .formatted(receiver.url()));
      assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
      long endpointId = registered.data().getJsonNumber("id").longValue();
      book(organizer);
      // The test server gives up after 4 attempts.
      receiver.await(r -> r.size() >= 4, Duration.ofSeconds(30));
      awaitStatus(organizer, endpointId, "DEAD");
      receiver.always(null);

      browser.open(base + "/admin/login.xhtml");
      browser.type(By.id("login:email"), organizer.email());
      browser.type(By.id("login:password"), Accounts.PASSWORD);
      browser.clickAndWaitForPage(By.id("login:submit"));
      browser.clickAndWaitForPage(By.id("nav-webhooks"));
      assertThat(browser.visible(By.cssSelector("#endpoints .endpoint-status")).getText())
          .isEqualTo("ENABLED");
      browser.clickAndWaitForPage(By.cssSelector("#endpoints .endpoint-link"));

      browser.waitForText(By.id("endpoint-url"), receiver.url());
      assertThat(texts(".status")).containsExactly("DEAD");
      assertThat(texts(".attempts")).containsExactly("4");
      assertThat(texts(".code")).containsExactly("500");
      assertThat(texts(".type")).containsExactly("booking.confirmed");
      browser.screenshot("webhooks-dead");

      browser.clickAndWaitForPage(By.cssSelector("#log .redeliver"));

      List<Receiver.Received> got = receiver.await(r -> r.size() >= 5, Duration.ofSeconds(30));
      assertThat(got.get(4).id()).isEqualTo(got.get(0).id());
      assertThat(texts(".message-id")).hasSize(2).allMatch(got.get(0).id()::equals);
      awaitStatus(organizer, endpointId, "DELIVERED");
      browser.open(base + "/admin/webhooks.xhtml?endpoint=" + endpointId);
      assertThat(texts(".status")).containsExactly("DELIVERED", "DEAD");
      assertThat(texts(".code")).containsExactly("200", "500");
    }
  }

  @Test
  void another_organizers_endpoint_log_is_not_shown() {
    User owner = Accounts.organizer();
    ApiResponse registered =
        owner
            .api()
            .post(
                "/webhooks",
                "{\"url\": \"http://127.0.0.1:9/hook\", \"eventTypes\": [\"event.updated\"]}");
    long endpointId = registered.data().getJsonNumber("id").longValue();
    User stranger = Accounts.organizer();
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), stranger.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.open(base + "/admin/webhooks.xhtml?endpoint=" + endpointId);
    assertThat(browser.driver.getPageSource()).contains("No such webhook endpoint");
    assertThat(browser.driver.findElements(By.id("endpoint-url"))).isEmpty();
  }

  private static List<String> texts(String css) {
    return browser.driver.findElements(By.cssSelector("#log " + css)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static void awaitStatus(User organizer, long endpointId, String status) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      ApiResponse log = organizer.api().get("/webhooks/" + endpointId + "/deliveries");
      var items = log.data().getJsonArray("items");
      if (!items.isEmpty() && items.getJsonObject(0).getString("status").equals(status)) {
        return;
      }
      Receiver.pause(Duration.ofMillis(200));
    }
    throw new AssertionError("the newest delivery did not become " + status);
  }

  private static void book(User organizer) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Hooked night", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": 10, "currency": "EUR",
                 "ticketTypes": [{"name": "Standard", "price": 0, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(3)));
    long id = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().post("/events/" + id + "/publish", "{}").status()).isEqualTo(200);
    ApiResponse booked =
        Accounts.attendee().api().post("/bookings", "{\"eventId\": " + id + ", \"quantity\": 1}");
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
  }
}
