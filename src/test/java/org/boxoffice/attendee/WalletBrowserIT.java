package org.boxoffice.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.boxoffice.admin.Browser;
import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The ticket wallet on the server the build started: an attendee who paid in the sandbox signs in
 * on a phone-sized headless Chromium and finds the QR codes and downloads; nobody else does.
 */
class WalletBrowserIT {
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static String site;
  static Accounts.User organizer;

  @BeforeAll
  static void ready() {
    BookingFixtures.awaitApplication();
    site = Api.baseUri().toString().replaceAll("/$", "");
    organizer = Accounts.organizer();
  }

  @Test
  void a_signed_in_attendee_sees_scannable_codes_and_downloads_of_their_own_tickets_only()
      throws Exception {
    Accounts.User holder = Accounts.attendee();
    Accounts.User stranger = Accounts.attendee();
    long eventId = PaymentFixtures.publishedEvent(organizer, 20, "20.00");
    List<Long> held = paid(holder, eventId, 2);
    List<Long> strangers = paid(stranger, eventId, 1);

    try (Browser phone = new Browser(390, 844)) {
      phone.open(site + "/wallet");
      phone.visible(By.id("signIn:email"));
      assertThat(phone.driver.getCurrentUrl()).endsWith("/sign-in");

      phone.type(By.id("signIn:email"), holder.email());
      phone.type(By.id("signIn:password"), "not-the-password-at-all");
      phone.clickAndWaitForPage(By.id("signIn:submit"));
      phone.waitForText(By.id("notices"), "Wrong email or password");
      assertThat(Axe.seriousViolations(phone.driver)).as("sign-in with an error").isEmpty();

      signIn(phone, holder);
      phone.waitForText(By.tagName("h1"), "My tickets");
      WebElement upcoming = phone.visible(By.id("upcoming"));
      assertThat(upcoming.getText()).contains("Payments test");
      for (long ticket : held) {
        WebElement qr = phone.visible(By.cssSelector("#ticket-" + ticket + " img.qr"));
        Number shown =
            (Number)
                ((JavascriptExecutor) phone.driver)
                    .executeScript(
                        "return arguments[0].complete ? arguments[0].getBoundingClientRect().width"
                            + " : 0;",
                        qr);
        assertThat(shown.doubleValue())
            .as("QR width on a 390 px screen")
            .isGreaterThanOrEqualTo(250);
      }
      for (long other : strangers) {
        assertThat(phone.driver.findElements(By.id("ticket-" + other))).isEmpty();
      }
      Object overflow =
          ((JavascriptExecutor) phone.driver)
              .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(((Number) overflow).longValue()).isLessThanOrEqualTo(0);
      assertThat(Axe.seriousViolations(phone.driver)).isEmpty();
      phone.screenshot("attendee-wallet-phone");

      String cookie = "JSESSIONID=" + phone.driver.manage().getCookieNamed("JSESSIONID").getValue();
      HttpResponse<byte[]> pdf = get("/wallet/tickets/" + held.get(0) + ".pdf", cookie);
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
      assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
      assertThat(get("/wallet/tickets/" + strangers.get(0) + ".pdf", cookie).statusCode())
          .as("another attendee's ticket")
          .isEqualTo(404);
      assertThat(get("/wallet/tickets/" + held.get(0) + ".pdf", null).statusCode())
          .as("no sign-in")
          .isEqualTo(404);
      String ics = phone.driver.findElement(By.cssSelector("a.ics")).getAttribute("href");
      assertThat(
              HTTP.send(
                      HttpRequest.newBuilder(URI.create(ics)).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);

      phone.clickAndWaitForPage(By.id("signOut:submit"));
      phone.visible(By.id("signIn:email"));
      assertThat(get("/wallet/tickets/" + held.get(0) + ".pdf", cookie).statusCode())
          .isEqualTo(404);
      phone.open(site + "/wallet");
      phone.visible(By.id("signIn:email"));
    }
  }

  @Test
  void logging_out_everywhere_over_the_api_ends_the_wallet_too() throws Exception {
    Accounts.User holder = Accounts.attendee();
    try (Browser phone = new Browser(390, 844)) {
      phone.open(site + "/sign-in");
      signIn(phone, holder);
      phone.waitForText(By.id("no-upcoming"), "No upcoming tickets.");
      ApiResponse everywhere = holder.api().post("/auth/logout-all", "");
      assertThat(everywhere.status()).as(everywhere.toString()).isLessThan(300);
      // Sessions ended elsewhere are trusted by other replicas for a few seconds: wait for it.
      phone.wait.until(
          d -> {
            d.get(site + "/wallet");
            return !d.findElements(By.id("signIn:email")).isEmpty();
          });
    }
  }

  static void signIn(Browser phone, Accounts.User user) {
    phone.type(By.id("signIn:email"), user.email());
    phone.type(By.id("signIn:password"), Accounts.PASSWORD);
    phone.clickAndWaitForPage(By.id("signIn:submit"));
  }

  /** Books {@code seats} and pays in the sandbox; returns the ids of the tickets. */
  static List<Long> paid(Accounts.User attendee, long eventId, int seats) {
    JsonObject booking = PaymentFixtures.booked(attendee.api(), eventId, seats);
    ApiResponse paid =
        attendee
            .api()
            .post("/payments/sandbox/" + PaymentFixtures.intentOf(booking) + "/confirm", "");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    ApiResponse tickets =
        attendee.api().get("/bookings/" + PaymentFixtures.id(booking) + "/tickets");
    return tickets.json().getJsonArray("data").stream()
        .map(JsonValue::asJsonObject)
        .map(ticket -> ticket.getJsonNumber("id").longValue())
        .toList();
  }

  static HttpResponse<byte[]> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
