package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The organizer admin in a real browser, against the server the build started: one organizer's day,
 * in order: sign in, create and publish an event with two ticket types and a coupon, watch a
 * booking made through the API arrive, cancel it, sign out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserIT extends AdminBrowserBase {
  private static final String XSS_TITLE = "<script>alert(1)</script> Gala";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static User organizer;
  static User attendee;
  static long eventId;
  static long freeTier;
  static long paidTier;
  static long bookingId;

  @BeforeAll
  static void start() {
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @Test
  @Order(1)
  void the_admin_pages_ask_for_a_sign_in_and_refuse_a_wrong_password() {
    browser.open(base + "/admin/index.xhtml");
    browser.visible(By.id("login:email"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");
    browser.screenshot("01-sign-in");

    signIn(organizer.email(), "not-the-password");

    browser.waitForText(By.id("messages"), "Email or password is wrong");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");
  }

  @Test
  @Order(2)
  void an_organizer_signs_in_to_the_dashboard() {
    signIn(organizer.email(), Accounts.PASSWORD);

    browser.visible(By.id("nav-dashboard"));
    assertThat(browser.driver.getCurrentUrl()).contains("/admin/index.xhtml");
    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    assertThat(browser.driver.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
  }

  @Test
  @Order(3)
  void creating_an_event_shows_validation_messages_next_to_the_fields() {
    browser.clickAndWaitForPage(By.id("nav-new"));
    browser.type(By.id("event:location"), "Hall A");
    browser.clickAndWaitForPage(By.id("event:save"));

    assertThat(browser.visible(By.cssSelector("[id='event:title'] + .error")).getText())
        .isEqualTo("must not be blank");
    assertThat(browser.driver.findElement(By.cssSelector("[id='event:start'] + .error")).getText())
        .isEqualTo("is required");
    browser.screenshot("02-event-validation");
  }

  @Test
  @Order(4)
  void an_organizer_creates_an_event_with_two_ticket_types_and_publishes_it() {
    LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(30).withSecond(0).withNano(0);
    browser.type(By.id("event:title"), XSS_TITLE);
    browser.type(By.id("event:description"), "An evening of music");
    browser.type(By.id("event:start"), LOCAL.format(start));
    browser.type(By.id("event:end"), LOCAL.format(start.plusHours(3)));
    browser.type(By.id("event:timeZone"), "Europe/Paris");
    browser.type(By.id("event:capacity"), "100");
    browser.type(By.id("event:tiers:0:name"), "Free entry");
    browser.type(By.id("event:tiers:0:price"), "0");
    browser.type(By.id("event:tiers:0:maxPerOrder"), "10");
    browser.clickAndWaitForPage(By.id("event:addTier"));
    browser.type(By.id("event:tiers:1:name"), "Standard");
    browser.type(By.id("event:tiers:1:price"), "25.00");
    browser.type(By.id("event:tiers:1:maxPerOrder"), "10");
    browser.clickAndWaitForPage(By.id("event:save"));

    browser.waitForText(By.id("event-status"), "DRAFT");
    eventId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    browser.waitForText(By.id("messages"), "Event created as a draft");

    browser.clickAndWaitForPage(By.id("event:publish"));
    browser.waitForText(By.id("event-status"), "PUBLISHED");
    browser.screenshot("03-event");

    JsonObject event = Api.server().get("/events/" + eventId).data();
    assertThat(event.getString("title")).isEqualTo(XSS_TITLE);
    assertThat(event.getString("status")).isEqualTo("PUBLISHED");
    assertThat(event.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(event.getJsonArray("ticketTypes")).hasSize(2);
    // By name: tiers saved together get their ids in the database's order, not the form's.
    freeTier = tierId(event, "Free entry");
    paidTier = tierId(event, "Standard");
  }

  @Test
  @Order(5)
  void user_text_is_rendered_as_text_never_as_markup() {
    browser.open(base + "/admin/events.xhtml");
    browser.visible(By.id("events"));

    assertThat(browser.driver.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(browser.driver.findElement(By.id("events")).getText()).contains(XSS_TITLE);
    assertThatThrownBy(() -> browser.driver.switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
    browser.screenshot("04-events");
  }

  @Test
  @Order(6)
  void an_organizer_creates_a_coupon_and_sees_its_use() {
    browser.open(base + "/admin/coupons.xhtml?event=" + eventId);
    browser.type(By.id("coupon:code"), "FRIENDS10");
    browser.type(By.id("coupon:discountValue"), "10");
    browser.type(By.id("coupon:maxUsages"), "5");
    browser.clickAndWaitForPage(By.id("coupon:create"));
    browser.waitForText(By.id("list:coupons"), "FRIENDS10");
    assertThat(browser.driver.findElement(By.cssSelector(".usage")).getText()).isEqualTo("0 / 5");

    ApiResponse free =
        attendee
            .api()
            .post(
                "/bookings",
                "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": 2}"
                    .formatted(eventId, freeTier));
    assertThat(free.status()).as(free.toString()).isEqualTo(201);
    assertThat(free.data().getString("status")).isEqualTo("CONFIRMED");
    bookingId = free.data().getJsonNumber("id").longValue();
    ApiResponse paid =
        attendee
            .api()
            .post(
                "/bookings",
                "{\"eventId\": %d, \"ticketTypeId\": %d, \"quantity\": 1, \"couponCode\": \"friends10\"}"
                    .formatted(eventId, paidTier));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

    browser.open(base + "/admin/coupons.xhtml?event=" + eventId);
    browser.waitForText(By.cssSelector(".usage"), "1 / 5");
    browser.screenshot("05-coupons");
  }

  @Test
  @Order(7)
  void the_dashboard_shows_the_same_figures_as_the_stats_api() {
    browser.clickAndWaitForPage(By.id("nav-dashboard"));
    browser.visible(By.id("figures"));
    JsonObject stats = organizer.api().get("/events/" + eventId + "/stats").data();
    assertThat(stats.getInt("seatsSold")).isEqualTo(2);

    String row = browser.driver.findElement(By.id("figures")).getText();
    assertThat(row)
        .contains(stats.getInt("seatsSold") + " / " + stats.getInt("capacity"))
        .contains(stats.getJsonNumber("revenue").bigDecimalValue().setScale(2) + " EUR");
    assertThat(browser.driver.findElement(By.cssSelector(".held")).getText())
        .isEqualTo(String.valueOf(stats.getInt("seatsHeld")));
    browser.visible(By.cssSelector("#sales canvas"));
    browser.screenshot("06-dashboard");
  }

  @Test
  @Order(8)
  void an_organizer_sees_the_booking_and_cancels_it_after_confirming() {
    browser.open(base + "/admin/bookings.xhtml?event=" + eventId);
    browser.waitForText(By.id("bookings:attendees"), "Test User");
    browser.type(By.id("bookings:search"), attendee.email());
    browser.clickAndWaitForPage(By.id("bookings:find"));
    browser.waitForText(By.id("bookings:attendees"), "#" + bookingId);
    browser.clickAndWaitForPage(By.cssSelector(".details"));
    browser.waitForText(By.id("detail-status"), "CONFIRMED");
    browser.screenshot("07-bookings");

    browser.visible(By.cssSelector(".cancel-booking")).click();
    browser.visible(By.cssSelector(".ui-confirm-dialog"));
    browser.screenshot("08-cancel-confirmation");
    browser.clickAndWaitForPage(By.id("bookings:confirmYes"));

    browser.waitForText(By.id("messages"), "Booking #" + bookingId + " cancelled");
    browser.waitForText(By.id("detail-status"), "CANCELLED");
    assertThat(attendee.api().get("/bookings/" + bookingId).data().getString("status"))
        .isEqualTo("CANCELLED");
    assertThat(organizer.api().get("/events/" + eventId + "/stats").data().getInt("seatsSold"))
        .isZero();
  }

  @Test
  @Order(9)
  void a_form_post_without_a_valid_view_state_changes_nothing() throws Exception {
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    Map<String, String> form =
        Map.of(
            "event", "event",
            "event:title", "Hijacked",
            "event:save", "Save changes",
            "jakarta.faces.ViewState", "-1234567890:forged");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder post =
        HttpRequest.newBuilder(URI.create(base + "/admin/event.xhtml?id=" + eventId))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "JSESSIONID=" + session.getValue())
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));

    HttpResponse<String> forged = client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> crossSite =
        client.send(
            post.copy().header("Origin", "https://evil.example").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forged.statusCode()).isIn(302, 303);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(Api.server().get("/events/" + eventId).data().getString("title"))
        .isEqualTo(XSS_TITLE);
  }

  @Test
  @Order(10)
  void cancelling_an_event_asks_first_and_says_what_happens_to_bookings() {
    browser.open(base + "/admin/event.xhtml?id=" + eventId);
    browser.visible(By.id("event:cancelEvent")).click();
    browser.waitForText(By.cssSelector(".ui-confirm-dialog"), "Every booking of this event");
    browser.clickAndWaitForPage(By.id("event:confirmYes"));
    browser.waitForText(By.id("event-status"), "CANCELLED");
    assertThat(Api.server().get("/events/" + eventId).data().getString("status"))
        .isEqualTo("CANCELLED");
  }

  @Test
  @Order(11)
  void signing_out_ends_the_session() {
    browser.clickAndWaitForPage(By.id("signout:signOut"));
    browser.visible(By.id("login:email"));

    browser.open(base + "/admin/index.xhtml");
    browser.visible(By.id("login:email"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");
  }

  @Test
  @Order(12)
  void an_attendee_is_refused_at_sign_in() {
    signIn(attendee.email(), Accounts.PASSWORD);

    browser.waitForText(By.id("messages"), "This area is for organizers and admins");
    browser.open(base + "/admin/index.xhtml");
    browser.visible(By.id("login:email"));
  }

  @Test
  @Order(13)
  void the_pages_fit_a_phone() {
    try (Browser phone = new Browser(390, 844)) {
      phone.open(base + "/admin/login.xhtml");
      phone.type(By.id("login:email"), organizer.email());
      phone.type(By.id("login:password"), Accounts.PASSWORD);
      phone.clickAndWaitForPage(By.id("login:submit"));
      phone.visible(By.id("figures"));
      Number overflow =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) phone.driver)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      phone.screenshot("09-dashboard-phone");
      assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    }
  }

  private static long tierId(JsonObject event, String name) {
    return event.getJsonArray("ticketTypes").stream()
        .map(JsonValue::asJsonObject)
        .filter(tier -> tier.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ticket type named " + name))
        .getJsonNumber("id")
        .longValue();
  }

  private static void signIn(String email, String password) {
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), email);
    browser.type(By.id("login:password"), password);
    browser.clickAndWaitForPage(By.id("login:submit"));
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
