package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.paidNotice;
import static org.boxoffice.payments.EcpayFixtures.postReturn;
import static org.boxoffice.payments.EcpayFixtures.twdEvent;
import static org.boxoffice.payments.EcpayStandIn.notice;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;

import jakarta.json.JsonObject;
import java.util.Map;
import org.boxoffice.admin.Browser;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The event editor offers the choice of payment gateway and refuses, next to it, one this server
 * cannot use for the event's currency. The organizer's bookings page shows an ECPay ATM payment
 * refunded as "refund by hand", with how it was paid: the money was not sent back by anyone yet,
 * and the page says so.
 */
@ExtendWith(EcpayStandIn.class)
class EcpayAdminBrowserIT {
  @Test
  void the_event_editor_shows_and_saves_the_payment_gateway_and_refuses_ecpay_for_euros() {
    User organizer = Accounts.organizer();
    long twd = draft(organizer, "TWD");
    long eur = draft(organizer, "EUR");

    String base = Api.baseUri().toString();
    try (Browser browser = new Browser(1280, 900)) {
      signIn(browser, base, organizer);
      browser.open(base + "/admin/event.xhtml?id=" + twd);
      Select gateway = new Select(browser.visible(By.id("event:paymentGateway")));
      assertThat(gateway.getFirstSelectedOption().getAttribute("value")).isEqualTo("AUTO");
      gateway.selectByValue("ECPAY");
      browser.clickAndWaitForPage(By.id("event:save"));
      browser.waitForText(By.id("messages"), "Changes saved.");
      assertThat(
              new Select(browser.visible(By.id("event:paymentGateway")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("ECPAY");

      browser.open(base + "/admin/event.xhtml?id=" + eur);
      new Select(browser.visible(By.id("event:paymentGateway"))).selectByValue("ECPAY");
      browser.clickAndWaitForPage(By.id("event:save"));
      assertThat(browser.visible(By.cssSelector("[id='event:paymentGateway'] + .error")).getText())
          .contains("ECPay takes payments in TWD only");
      browser.screenshot("ecpay-gateway-choice-refused");
    }
    assertThat(Db.query("SELECT payment_gateway FROM events WHERE id = ?", twd))
        .containsExactly(Map.of("payment_gateway", "ECPAY"));
    assertThat(Db.query("SELECT payment_gateway FROM events WHERE id = ?", eur))
        .containsExactly(Map.of("payment_gateway", "AUTO"));
    JsonObject booking = booked(Accounts.attendee().api(), publish(organizer, twd), 1);
    assertThat(booking.getJsonObject("payment").getString("provider")).isEqualTo("ecpay");
  }

  private static long draft(User organizer, String currency) {
    ApiResponse created =
        organizer.api().post("/events", EcpayFixtures.eventBody(currency, null, 10, "100"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id(created.data());
  }

  private static long publish(User organizer, long eventId) {
    ApiResponse published = organizer.api().post("/events/" + eventId + "/publish", "{}");
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return eventId;
  }

  private static void signIn(Browser browser, String base, User organizer) {
    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), organizer.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));
  }

  @Test
  void an_atm_payment_refunded_by_the_organizer_is_shown_as_a_refund_by_hand() {
    User organizer = Accounts.organizer();
    long eventId = twdEvent(organizer, 10, "600");
    long bookingId = id(booked(Accounts.attendee().api(), eventId, 1));
    ApiResponse paid = postReturn(notice(paidNotice(bookingId, "600", "ATM_LAND")));
    assertThat(paid.body()).isEqualTo("1|OK");

    String base = Api.baseUri().toString();
    try (Browser browser = new Browser(1280, 900)) {
      browser.open(base + "/admin/login.xhtml");
      browser.type(By.id("login:email"), organizer.email());
      browser.type(By.id("login:password"), Accounts.PASSWORD);
      browser.clickAndWaitForPage(By.id("login:submit"));
      browser.visible(By.id("nav-dashboard"));
      browser.open(base + "/admin/bookings.xhtml?event=" + eventId);
      browser.type(By.id("bookings:search"), String.valueOf(bookingId));
      browser.clickAndWaitForPage(By.id("bookings:find"));
      browser.waitForText(By.id("bookings:attendees"), "#" + bookingId);
      browser.clickAndWaitForPage(
          By.xpath(
              "//tr[td[text()[normalize-space()='#%d']]]//*[contains(@class, 'details')]"
                  .formatted(bookingId)));
      browser.waitForText(By.id("detail-status"), "CONFIRMED");
      assertThat(browser.visible(By.id("payment-method")).getText()).isEqualTo("ecpay ATM_LAND");

      browser.visible(By.id("refundAll:refundAll")).click();
      browser.waitForText(By.cssSelector(".ui-confirm-dialog"), "600.00");
      browser.clickAndWaitForPage(By.id("bookings:confirmYes"));

      browser.waitForText(By.id("messages"), "refund by hand");
      browser.waitForText(By.id("detail-status"), "REFUNDED");

      assertThat(browser.visible(By.id("payment-by-hand")).getText())
          .startsWith("600.00 TWD")
          .contains("pay this back to the attendee yourself");
      assertThat(browser.visible(By.id("payment-refunded")).getText()).isEqualTo("600.00 TWD");
      browser.screenshot("ecpay-refund-by-hand");
    }
    assertThat(
            org.boxoffice.it.support.Db.query(
                "SELECT status FROM refunds WHERE booking_id = ?", bookingId))
        .containsExactly(java.util.Map.of("status", "MANUAL"));
    assertThat(EcpayStandIn.doActions(EcpayFixtures.TRADE + bookingId)).isEmpty();
  }
}
