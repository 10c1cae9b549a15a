package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The organizer's waiting-list page in a real browser: the line, the demand, closing the list. */
class WaitlistBrowserIT extends AdminBrowserBase {

  @Test
  void the_organizer_sees_the_line_in_order_and_closes_it() {
    User organizer = Accounts.organizer();
    long eventId = soldOutEvent(organizer);
    User first = Accounts.attendee();
    User second = Accounts.attendee();
    assertThat(join(first, eventId, 3).status()).isEqualTo(201);
    assertThat(join(second, eventId, 1).status()).isEqualTo(201);

    browser.open(base + "/admin/login.xhtml");
    browser.type(By.id("login:email"), organizer.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));
    browser.open(base + "/admin/event.xhtml?id=" + eventId);
    browser.clickAndWaitForPage(By.id("waitlist-link"));

    browser.waitForText(By.id("list-state"), "open");
    assertThat(browser.visible(By.cssSelector("#demand .waiting")).getText()).isEqualTo("2");
    assertThat(browser.driver.findElement(By.cssSelector("#demand .wanted")).getText())
        .isEqualTo("4");
    List<WebElement> positions = browser.driver.findElements(By.cssSelector("#entries .position"));
    List<WebElement> quantities = browser.driver.findElements(By.cssSelector("#entries .quantity"));
    List<WebElement> statuses = browser.driver.findElements(By.cssSelector("#entries .status"));
    assertThat(positions).extracting(WebElement::getText).containsExactly("1", "2");
    assertThat(quantities).extracting(WebElement::getText).containsExactly("3", "1");
    assertThat(statuses).extracting(WebElement::getText).containsExactly("WAITING", "WAITING");
    browser.screenshot("waitlist-open");

    browser.clickAndWaitForPage(By.id("waitlist:close"));

    browser.waitForText(By.id("list-state"), "closed");
    assertThat(browser.driver.findElements(By.id("waitlist:close"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#entries .status")))
        .extracting(WebElement::getText)
        .containsExactly("CLOSED", "CLOSED");
    assertThat(
            Db.number(
                "SELECT count(*) FROM waitlist_entries WHERE event_id = ? AND status = 'CLOSED'",
                eventId))
        .isEqualTo(2);
    assertThat(Db.number("SELECT count(*) FROM waitlist_closures WHERE event_id = ?", eventId))
        .isEqualTo(1);
  }

  private static long soldOutEvent(User organizer) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10);
    ApiResponse created =
        organizer
            .api()
            .post(
                "/events",
                """
                {"title": "Sold out night", "description": "d", "location": "Hall",
                 "startDate": "%s", "endDate": "%s", "capacity": 1, "currency": "EUR",
                 "ticketTypes": [{"name": "Standard", "price": 0, "maxPerOrder": 10}]}
                """
                    .formatted(start, start.plusHours(3)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.data().getJsonNumber("id").longValue();
    assertThat(organizer.api().post("/events/" + id + "/publish", "{}").status()).isEqualTo(200);
    ApiResponse sold =
        Accounts.attendee().api().post("/bookings", "{\"eventId\": " + id + ", \"quantity\": 1}");
    assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
    return id;
  }

  private static ApiResponse join(User user, long eventId, int quantity) {
    return user.api()
        .post("/waitlist", "{\"eventId\": " + eventId + ", \"quantity\": " + quantity + "}");
  }
}
