package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * The organizer's and the operator's desks in a real browser: refunds from the bookings page, the
 * check-in desk a USB scanner types into, and the admin-only outbox and audit log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminOperationsBrowserIT extends AdminBrowserBase {
  private static final String TITLE = "Door <b>night</b>";
  private static final String ZONE = "Europe/Paris";

  static User organizer;
  static User attendee;
  static User admin;
  static long eventId;
  static long otherEventId;
  static long refundedBooking;
  static long doorBooking;
  static long typedBooking;
  static long matineeBooking;

  @BeforeAll
  static void start() {
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
    // Registration never makes an admin: an organizer is promoted in the database
    // (AccessControlIT).
    User promoted = Accounts.organizer();
    Db.update("UPDATE users SET role = 'ADMIN' WHERE id = ?", promoted.id());
    admin = promoted;
    eventId = publishedEvent(TITLE, "20.00");
    otherEventId = publishedEvent("Matinee", "0");
    refundedBooking = paidBooking(2);
    doorBooking = paidBooking(1);
    typedBooking = paidBooking(1);
  }

  @Test
  @Order(1)
  void refused_refund_amounts_are_explained_next_to_the_field() {
    signIn(organizer.email());
    showBooking(refundedBooking);
    assertThat(browser.visible(By.id("payment-paid")).getText()).isEqualTo("40.00 EUR");
    assertThat(browser.driver.findElement(By.id("payment-refunded")).getText())
        .isEqualTo("0.00 EUR");

    refundAmount("0");
    assertThat(amountError()).isEqualTo("must be at least 0.01");
    refundAmount("-5");
    assertThat(amountError()).isEqualTo("must be at least 0.01");
    refundAmount("40.01");
    assertThat(amountError()).isEqualTo("At most 40.00 can be refunded");
    refundAmount("ten");
    assertThat(amountError()).isEqualTo("must be an amount such as 12.50");
    showRefunds();
    browser.screenshot("10-refund-refused");

    assertThat(refundedSoFar(refundedBooking)).isEqualByComparingTo("0");
    assertThat(PaymentStatus.of(refundedBooking)).isEqualTo("SUCCEEDED");
  }

  @Test
  @Order(2)
  void an_organizer_refunds_part_of_a_paid_booking_after_confirming() {
    browser.type(By.id("refund:amount"), "15.00");
    browser.visible(By.id("refund:refundPart")).click();
    browser.waitForText(By.cssSelector(".ui-confirm-dialog"), "Refund part of this booking?");
    browser.screenshot("11-refund-confirmation");
    browser.clickAndWaitForPage(By.id("bookings:confirmYes"));

    browser.waitForText(By.id("messages"), "Refunded 15.00 EUR of booking #" + refundedBooking);
    assertThat(browser.driver.findElement(By.id("detail-status")).getText()).isEqualTo("CONFIRMED");
    assertThat(browser.driver.findElement(By.id("payment-refunded")).getText())
        .isEqualTo("15.00 EUR");
    assertThat(browser.driver.findElement(By.id("payment-refundable")).getText())
        .isEqualTo("25.00 EUR");
    assertThat(refundedSoFar(refundedBooking)).isEqualByComparingTo("15.00");
    assertThat(attendee.api().get("/bookings/" + refundedBooking).data().getString("status"))
        .isEqualTo("CONFIRMED");
  }

  @Test
  @Order(3)
  void an_organizer_refunds_the_rest_and_the_booking_gives_its_seats_back() {
    long soldBefore =
        organizer.api().get("/events/" + eventId + "/stats").data().getInt("seatsSold");
    browser.visible(By.id("refundAll:refundAll")).click();
    browser.waitForText(By.cssSelector(".ui-confirm-dialog"), "25.00");
    browser.clickAndWaitForPage(By.id("bookings:confirmYes"));

    browser.waitForText(By.id("messages"), "Refunded 25.00 EUR of booking #" + refundedBooking);
    browser.waitForText(By.id("detail-status"), "REFUNDED");
    assertThat(browser.driver.findElement(By.id("payment-refunded")).getText())
        .isEqualTo("40.00 EUR");
    assertThat(browser.driver.findElements(By.id("refund:amount"))).isEmpty();
    showRefunds();
    browser.screenshot("12-refunded");
    assertThat(attendee.api().get("/bookings/" + refundedBooking).data().getString("status"))
        .isEqualTo("REFUNDED");
    assertThat(refundedSoFar(refundedBooking)).isEqualByComparingTo("40.00");
    assertThat(organizer.api().get("/events/" + eventId + "/stats").data().getInt("seatsSold"))
        .isEqualTo(soldBefore - 2);
  }

  @Test
  @Order(4)
  void the_check_in_desk_admits_a_ticket_once_and_says_when_it_was_first_used() {
    String code = ticketCode(attendee, doorBooking);
    browser.open(base + "/admin/checkin.xhtml?event=" + eventId);
    browser.visible(By.id("desk:code"));
    assertThat(focused()).isEqualTo("desk:code");
    browser.screenshot("13-checkin-desk");

    scan(code);
    browser.visible(By.cssSelector("#result.admit"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).contains("ADMIT");
    assertThat(browser.driver.findElement(By.id("holder")).getText()).isEqualTo("Test User");
    JsonObject ticket =
        attendee
            .api()
            .get("/bookings/" + doorBooking + "/tickets")
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertThat(browser.driver.findElement(By.id("ticket-number")).getText())
        .isEqualTo("Ticket " + ticket.getString("ticketNumber"));
    String firstScan =
        DateTimeFormatter.ofPattern("HH:mm:ss")
            .format(
                OffsetDateTime.parse(ticket.getString("checkedInAt"))
                    .atZoneSameInstant(ZoneId.of(ZONE)));
    assertThat(browser.driver.findElement(By.id("result-detail")).getText())
        .startsWith("Checked in at " + firstScan);
    assertThat(focused()).isEqualTo("desk:code");
    assertThat(browser.driver.findElement(By.id("desk:code")).getAttribute("value")).isEmpty();
    browser.screenshot("14-checkin-admitted");

    scan(code);
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText())
        .contains("STOP")
        .contains("Already checked in at " + firstScan)
        .contains(ZONE);
    assertThat(browser.driver.findElement(By.id("holder")).getText()).isEqualTo("Test User");
    assertThat(browser.driver.findElement(By.id("ticket-number")).getText())
        .isEqualTo("Ticket " + ticket.getString("ticketNumber"));
    assertThat(browser.driver.findElement(By.id("result-detail")).getText())
        .contains("first used at " + firstScan)
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T")
        .doesNotContain(ticket.getString("checkedInAt"));
    browser.screenshot("15-checkin-repeated");
    assertThat(
            Db.number(
                "SELECT count(*) FROM tickets WHERE booking_id = ? AND checked_in_at IS NOT NULL",
                doorBooking))
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void the_check_in_desk_refuses_a_forged_code_and_a_ticket_of_another_event() {
    String genuine = ticketCode(attendee, doorBooking);
    String forged =
        genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("A") ? "B" : "A");
    scan(forged);
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText())
        .contains("STOP")
        .contains("Not a genuine ticket");
    browser.screenshot("16-checkin-forged");

    ApiResponse matinee =
        attendee
            .api()
            .post("/bookings", "{\"eventId\": %d, \"quantity\": 1}".formatted(otherEventId));
    assertThat(matinee.status()).as(matinee.toString()).isEqualTo(201);
    matineeBooking = matinee.data().getJsonNumber("id").longValue();
    scan(ticketCode(attendee, matineeBooking));
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText())
        .contains("Ticket for another event");
    assertThat(
            Db.number(
                "SELECT count(*) FROM tickets WHERE booking_id = ? AND checked_in_at IS NOT NULL",
                matinee.data().getJsonNumber("id").longValue()))
        .isZero();
  }

  @Test
  @Order(6)
  void the_door_person_types_a_ticket_number_the_way_it_is_printed_or_sloppier() {
    String number = ticketNumber(attendee, typedBooking);
    // Lower case, spaces for dashes: what someone types reading a crumpled ticket aloud.
    scan(number.toLowerCase(java.util.Locale.ROOT).replace('-', ' '));
    browser.visible(By.cssSelector("#result.admit"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).contains("ADMIT");
    assertThat(browser.driver.findElement(By.id("holder")).getText()).isEqualTo("Test User");
    assertThat(browser.driver.findElement(By.id("ticket-number")).getText())
        .isEqualTo("Ticket " + number);
    browser.screenshot("16a-checkin-typed");
    assertThat(
            Db.number(
                "SELECT count(*) FROM tickets WHERE booking_id = ? AND checked_in_at IS NOT NULL",
                typedBooking))
        .isEqualTo(1);

    scan(number);
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText())
        .contains("Already checked in at ");
    assertThat(browser.driver.findElement(By.id("holder")).getText()).isEqualTo("Test User");
    assertThat(browser.driver.findElement(By.id("ticket-number")).getText())
        .isEqualTo("Ticket " + number);
  }

  @Test
  @Order(7)
  void a_typed_number_of_another_event_or_nobodys_is_refused_and_stays_unused() {
    scan(ticketNumber(attendee, matineeBooking));
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText())
        .contains("STOP")
        .contains("Ticket for another event");

    User stranger = Accounts.organizer();
    long theirEvent = publishedEvent(stranger, "Their gig", "0");
    ApiResponse theirs =
        attendee
            .api()
            .post("/bookings", "{\"eventId\": %d, \"quantity\": 1}".formatted(theirEvent));
    assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
    long theirBooking = theirs.data().getJsonNumber("id").longValue();
    scan(ticketNumber(attendee, theirBooking));
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).contains("No such ticket");
    assertThat(browser.driver.findElements(By.id("holder"))).isEmpty();

    String unknown = unusedTicketNumber();
    scan(unknown);
    browser.visible(By.cssSelector("#result.refuse"));
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).contains("No such ticket");
    browser.screenshot("16b-checkin-unknown-number");

    assertThat(
            Db.number(
                "SELECT count(*) FROM tickets WHERE booking_id IN (?, ?)"
                    + " AND checked_in_at IS NOT NULL",
                matineeBooking,
                theirBooking))
        .isZero();
  }

  @Test
  @Order(8)
  void the_check_in_desk_fits_a_phone() {
    try (Browser phone = new Browser(390, 844)) {
      phone.open(base + "/admin/login.xhtml");
      phone.type(By.id("login:email"), organizer.email());
      phone.type(By.id("login:password"), Accounts.PASSWORD);
      phone.clickAndWaitForPage(By.id("login:submit"));
      phone.visible(By.id("figures"));
      phone.open(base + "/admin/checkin.xhtml?event=" + eventId);
      phone.visible(By.id("desk:code"));
      Number overflow =
          (Number)
              ((JavascriptExecutor) phone.driver)
                  .executeScript(
                      "return document.documentElement.scrollWidth - window.innerWidth;");
      phone.screenshot("17-checkin-phone");
      assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
    }
  }

  @Test
  @Order(9)
  void an_organizer_is_refused_the_outbox_and_the_audit_log() throws Exception {
    assertThat(browser.driver.findElements(By.id("nav-outbox"))).isEmpty();
    assertThat(browser.driver.findElements(By.id("nav-audit"))).isEmpty();
    for (String page : new String[] {"outbox", "audit"}) {
      browser.open(base + "/admin/" + page + ".xhtml");
      browser.waitForText(By.tagName("h1"), "Not allowed");
      assertThat(browser.driver.findElements(By.id("outbox:emails"))).isEmpty();
      assertThat(browser.driver.findElements(By.id("audit:entries"))).isEmpty();
      assertThat(statusOf("/admin/" + page + ".xhtml")).isEqualTo(403);
      assertThat(statusOf("/admin//" + page + ".xhtml")).isEqualTo(403);
    }
    browser.screenshot("18-admin-only-refused");
    browser.clickAndWaitForPage(By.id("signout:signOut"));
  }

  @Test
  @Order(10)
  void an_admin_sees_the_emails_and_retries_a_dead_one() {
    long deadId =
        Db.number(
            "SELECT max(id) FROM outbox WHERE booking_id = ? AND kind = 'confirmation'",
            doorBooking);
    Db.update(
        "UPDATE outbox SET status = 'DEAD', attempts = 8, last_error = ? WHERE id = ?",
        "550 5.1.1 <mailbox unavailable>",
        deadId);
    signIn(admin.email());
    browser.clickAndWaitForPage(By.id("nav-outbox"));
    browser.visible(By.id("outbox:emails"));
    browser.waitForText(By.id("outbox:emails"), attendee.email());
    browser.screenshot("19-outbox");

    browser.driver.findElement(By.id("outbox:status")).sendKeys("DEAD");
    browser.clickAndWaitForPage(By.id("outbox:apply"));
    By row = By.cssSelector(".email-" + deadId);
    assertThat(browser.visible(row).getText())
        .contains(attendee.email())
        .contains("confirmation")
        .contains("DEAD")
        .contains("550 5.1.1 <mailbox unavailable>");
    browser.clickAndWaitForPage(By.cssSelector(".email-" + deadId + " .retry"));

    browser.waitForText(By.id("messages"), "Email #" + deadId + " is queued again");
    var stored = Db.query("SELECT status, attempts FROM outbox WHERE id = ?", deadId).get(0);
    assertThat(stored.get("status")).isEqualTo("QUEUED");
    assertThat(((Number) stored.get("attempts")).intValue()).isZero();
    assertThat(browser.driver.findElements(row)).isEmpty();
    browser.screenshot("20-outbox-retried");
  }

  @Test
  @Order(11)
  void an_admin_reads_the_audit_log_newest_first_with_their_own_sign_in() {
    browser.clickAndWaitForPage(By.id("nav-audit"));
    browser.type(By.id("filter:action"), "auth.login.success");
    browser.clickAndWaitForPage(By.id("filter:apply"));
    String newest =
        browser.visible(By.cssSelector("[id='audit:entries'] tbody tr:first-child")).getText();
    assertThat(newest).contains("auth.login.success").contains(admin.email());
    browser.screenshot("21-audit-log");

    browser.type(By.id("filter:action"), "DROP TABLE");
    browser.clickAndWaitForPage(By.id("filter:apply"));
    assertThat(browser.visible(By.cssSelector("[id='filter:action'] + .error")).getText())
        .contains("lower-case letters");
  }

  @Test
  @Order(12)
  void an_admin_is_told_when_an_email_is_no_longer_dead_or_no_longer_there() {
    String marker = "refusal-" + System.nanoTime();
    long gone = deadEmail(marker + "-gone@example.test");
    long sentMeanwhile = deadEmail(marker + "-sent@example.test");
    browser.clickAndWaitForPage(By.id("nav-outbox"));
    browser.driver.findElement(By.id("outbox:status")).sendKeys("DEAD");
    browser.clickAndWaitForPage(By.id("outbox:apply"));
    browser.visible(By.cssSelector(".email-" + sentMeanwhile + " .retry"));
    browser.visible(By.cssSelector(".email-" + gone + " .retry"));

    // Another admin's retry got it sent between this page's rendering and the click: 409.
    Db.update(
        "UPDATE outbox SET status = 'SENT', sent_at = now(), attempts = 1 WHERE id = ?",
        sentMeanwhile);
    browser.clickAndWaitForPage(By.cssSelector(".email-" + sentMeanwhile + " .retry"));
    browser.waitForText(By.id("messages"), "Only a dead email can be retried");
    assertThat(browser.driver.findElement(By.id("messages")).getText())
        .doesNotContain("queued again");
    var stored = Db.query("SELECT status, attempts FROM outbox WHERE id = ?", sentMeanwhile).get(0);
    assertThat(stored.get("status")).isEqualTo("SENT");
    assertThat(((Number) stored.get("attempts")).intValue()).isEqualTo(1);

    // Removed from the database meanwhile: 404, and nothing is written.
    Db.update("DELETE FROM outbox WHERE id = ?", gone);
    browser.clickAndWaitForPage(By.cssSelector(".email-" + gone + " .retry"));
    browser.waitForText(By.id("messages"), "No such email");
    browser.screenshot("22-outbox-refusals");
    assertThat(Db.number("SELECT count(*) FROM outbox WHERE id = ?", gone)).isZero();
  }

  @Test
  @Order(13)
  void a_different_status_filter_starts_on_its_first_page() {
    Db.update(
        "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, status, attempts,"
            + " next_attempt_at, created_at, sent_at)"
            + " SELECT 'refund', 'paged-' || g || '@example.test', 's', 't', 'h', 'SENT', 1,"
            + " now(), now(), now() FROM generate_series(1, 25) g");
    long newestSent = Db.number("SELECT max(id) FROM outbox WHERE status = 'SENT'");
    browser.open(base + "/admin/outbox.xhtml");
    browser.driver.findElement(By.id("outbox:status")).sendKeys("Any");
    browser.clickAndWaitForPage(By.id("outbox:apply"));
    browser.visible(By.cssSelector("[id='outbox:emails'] .ui-paginator-next")).click();
    browser.waitForText(
        By.cssSelector("[id='outbox:emails'] .ui-paginator-page.ui-state-active"), "2");

    browser.driver.findElement(By.id("outbox:status")).sendKeys("SENT");
    browser.clickAndWaitForPage(By.id("outbox:apply"));
    browser.waitForText(
        By.cssSelector("[id='outbox:emails'] .ui-paginator-page.ui-state-active"), "1");
    browser.visible(By.cssSelector(".email-" + newestSent));
    browser.screenshot("23-outbox-filter-first-page");
  }

  private static long publishedEvent(String title, String price) {
    return publishedEvent(organizer, title, price);
  }

  private static long publishedEvent(User organizer, String title, String price) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "%s", "description": "d", "location": "Hall", "timeZone": "%s",
                 "startDate": "%s", "endDate": "%s", "capacity": 50, "currency": "EUR",
                 "ticketTypes": [{"name": "Standard", "price": %s, "maxPerOrder": 10}]}
                """
                    .formatted(title, ZONE, start, start.plusHours(3), price));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = organizer.api().post("/events/" + id + "/publish", "{}");
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return id;
  }

  /** Books through the API and pays in the sandbox, as the attendee would. */
  private static long paidBooking(int seats) {
    ApiResponse booked =
        attendee
            .api()
            .post("/bookings", "{\"eventId\": %d, \"quantity\": %d}".formatted(eventId, seats));
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    long id = booked.data().getJsonNumber("id").longValue();
    String intent = booked.data().getJsonObject("payment").getString("paymentIntentId");
    ApiResponse paid = attendee.api().post("/payments/sandbox/" + intent + "/confirm", "");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(paid.data().getString("status")).isEqualTo("CONFIRMED");
    return id;
  }

  private static String ticketCode(User holder, long bookingId) {
    return holder
        .api()
        .get("/bookings/" + bookingId + "/tickets")
        .json()
        .getJsonArray("data")
        .getJsonObject(0)
        .getString("qrCode");
  }

  private static String ticketNumber(User holder, long bookingId) {
    return holder
        .api()
        .get("/bookings/" + bookingId + "/tickets")
        .json()
        .getJsonArray("data")
        .getJsonObject(0)
        .getString("ticketNumber");
  }

  /** A well-formed ticket number no ticket has. */
  private static String unusedTicketNumber() {
    for (int i = 0; ; i++) {
      String number = "BX-ZZZZ-%04d".formatted(i);
      if (Db.number("SELECT count(*) FROM tickets WHERE ticket_number = ?", number) == 0) {
        return number;
      }
    }
  }

  /** An email that failed for good, as the sender leaves it. */
  private static long deadEmail(String recipient) {
    Db.update(
        "INSERT INTO outbox (kind, recipient, subject, text_body, html_body, status, attempts,"
            + " next_attempt_at, last_error, created_at)"
            + " VALUES ('refund', ?, 's', 't', 'h', 'DEAD', 8, now(), '550 gone', now())",
        recipient);
    return Db.number("SELECT id FROM outbox WHERE recipient = ?", recipient);
  }

  private static void signIn(String email) {
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), email);
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));
  }

  private static void showBooking(long bookingId) {
    browser.open(base + "/admin/bookings.xhtml?event=" + eventId);
    browser.type(By.id("bookings:search"), String.valueOf(bookingId));
    browser.clickAndWaitForPage(By.id("bookings:find"));
    browser.waitForText(By.id("bookings:attendees"), "#" + bookingId);
    // The search also matches emails that contain the digits: pick the row of the booking (the
    // cell's own text; reflow puts the column title in a span beside it).
    browser.clickAndWaitForPage(
        By.xpath(
            "//tr[td[text()[normalize-space()='#%d']]]//*[contains(@class, 'details')]"
                .formatted(bookingId)));
    browser.waitForText(By.id("detail-status"), "CONFIRMED");
  }

  /** Scrolls the refund controls into view for a screenshot. */
  private static void showRefunds() {
    ((JavascriptExecutor) browser.driver)
        .executeScript("document.getElementById('detail').scrollIntoView({block: 'start'});");
  }

  private static void refundAmount(String amount) {
    browser.type(By.id("refund:amount"), amount);
    browser.visible(By.id("refund:refundPart")).click();
    browser.visible(By.cssSelector(".ui-confirm-dialog"));
    browser.clickAndWaitForPage(By.id("bookings:confirmYes"));
  }

  private static String amountError() {
    return browser.visible(By.cssSelector("[id='refund:amount'] + .error")).getText();
  }

  /** Types a code and Enter, as a USB scanner does, and waits for the answer page. */
  private static void scan(String code) {
    browser.typeAndWaitForPage(By.id("desk:code"), code + Keys.ENTER);
  }

  private static String focused() {
    return browser.driver.switchTo().activeElement().getAttribute("id");
  }

  private static BigDecimal refundedSoFar(long bookingId) {
    return (BigDecimal)
        Db.query("SELECT refunded_amount FROM payments WHERE booking_id = ?", bookingId)
            .get(0)
            .get("refunded_amount");
  }

  /** The HTTP status the signed-in browser's session gets for a page. */
  private static int statusOf(String path) throws Exception {
    String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "JSESSIONID=" + session)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The stored status of a booking's payment. */
  private static final class PaymentStatus {
    static String of(long bookingId) {
      return (String)
          Db.query("SELECT status FROM payments WHERE booking_id = ?", bookingId)
              .get(0)
              .get("status");
    }
  }
}
