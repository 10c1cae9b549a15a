package org.boxoffice.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.boxoffice.admin.Browser;
import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An event's public page at {@code /events/{id}} on the server the build started, in a phone-sized
 * headless Chromium and by plain requests (the tags a link preview reads).
 */
class EventPageBrowserIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static Browser phone;
  static String site;
  static Accounts.User organizer;

  @BeforeAll
  static void open() {
    BookingFixtures.awaitApplication();
    site = Api.baseUri().toString().replaceAll("/$", "");
    organizer = Accounts.organizer();
    phone = new Browser(390, 844);
  }

  @AfterAll
  static void close() {
    if (phone != null) {
      phone.close();
    }
  }

  @Test
  void the_page_shows_the_event_in_its_own_time_zone_with_its_tiers_calendar_and_share_link()
      throws Exception {
    String title = "Night market jazz " + UUID.randomUUID();
    long id = event(title, true);

    phone.open(site + "/events/" + id);
    phone.waitForText(By.id("title"), title);
    assertThat(phone.driver.findElement(By.id("where")).getText()).isEqualTo("Taipei Arena");
    String when = phone.driver.findElement(By.id("when")).getText();
    assertThat(when).contains("March 5, 2027").contains("7:30").contains("Asia/Taipei");
    assertThat(phone.driver.findElement(By.id("event")).getText())
        .contains("General")
        .contains("€20.00")
        .contains("VIP")
        .contains("€55.50")
        .contains("10 left");
    // The script ran under the strict policy: it marks the page once the stream answered or failed.
    phone.wait.until(d -> d.findElement(By.id("event")).getAttribute("data-live") != null);
    assertThat(phone.driver.findElement(By.id("seats")).getText()).isEqualTo("50");
    Object overflow =
        ((JavascriptExecutor) phone.driver)
            .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
    assertThat(Axe.seriousViolations(phone.driver)).isEmpty();
    phone.screenshot("attendee-event-phone");

    String calendar = phone.driver.findElement(By.id("calendar")).getAttribute("href");
    HttpResponse<String> ics = get(calendar, "en");
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    assertThat(ics.body()).contains("BEGIN:VEVENT");

    HttpResponse<String> page = get(site + "/events/" + id, "en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<meta property=\"og:title\" content=\"" + title + "\"")
        .contains("<meta property=\"og:url\" content=\"" + publicBaseUrl() + "/events/" + id + "\"")
        .contains("<meta property=\"og:type\" content=\"website\"")
        .doesNotContain("<script>");
    assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
  }

  @Test
  void a_draft_an_unknown_event_and_a_malformed_address_are_not_found_pages() throws Exception {
    long draft = event("Secret draft " + UUID.randomUUID(), false);
    for (String path : new String[] {"/events/" + draft, "/events/999999999999"}) {
      HttpResponse<String> page = get(site + path, "en");
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("Event not found").doesNotContain("Secret draft");
    }
    assertThat(get(site + "/events/abc", "en").statusCode()).isEqualTo(404);
    phone.open(site + "/events/" + draft);
    phone.waitForText(By.tagName("h1"), "Event not found");
    assertThat(Axe.seriousViolations(phone.driver)).isEmpty();
  }

  @Test
  void the_page_writes_dates_and_money_the_traditional_chinese_way() throws Exception {
    long id = event("Concert " + UUID.randomUUID(), true);
    HttpResponse<String> page = get(site + "/events/" + id, "zh-TW,zh;q=0.9");
    assertThat(page.body())
        .contains("lang=\"zh-TW\"")
        .contains("2027年3月5日")
        .contains("剩餘")
        .contains("€55.50")
        .contains("加入行事曆");
  }

  @Test
  void the_seats_left_change_in_an_open_page_while_someone_books_over_the_api() throws Exception {
    long id = event("Live count " + UUID.randomUUID(), true);
    phone.open(site + "/events/" + id);
    phone.wait.until(d -> "true".equals(d.findElement(By.id("event")).getAttribute("data-live")));
    assertThat(phone.driver.findElement(By.id("seats")).getText()).isEqualTo("50");

    long general =
        organizer
            .api()
            .get("/events/" + id)
            .data()
            .getJsonArray("ticketTypes")
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    ApiResponse booked =
        Accounts.attendee()
            .api()
            .post(
                "/bookings",
                "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": 3}".formatted(id, general));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    phone.waitForText(By.id("seats"), "47");
    assertThat(phone.driver.findElement(By.cssSelector("[data-tier='" + general + "']")).getText())
        .isEqualTo("47");
  }

  /** The public base URL of the server the build started (pom.xml): its own address. */
  static String publicBaseUrl() {
    return "http://localhost:" + Integer.getInteger("it.http.port", 9080);
  }

  /** An event of the organizer in Taipei's time zone, two tiers; published or left a draft. */
  static long event(String title, boolean publish) {
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "%s", "description": "Under the stars", "location": "Taipei Arena",
                 "startDate": "2027-03-05T19:30:00+08:00", "endDate": "2027-03-05T22:00:00+08:00",
                 "timeZone": "Asia/Taipei", "capacity": 50, "currency": "EUR",
                 "ticketTypes": [{"name": "General", "price": 20, "maxPerOrder": 10},
                                 {"name": "VIP", "price": 55.5, "quantity": 10, "maxPerOrder": 4}]}
                """
                    .formatted(title));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    if (publish) {
      ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }
    return id;
  }

  static HttpResponse<String> get(String url, String acceptLanguage) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", acceptLanguage).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
