package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.boxoffice.booking.BookingFixtures;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Admin HTTP sessions live in the database, so no pod owns a sign-in or an open form: a browser
 * signs in through a router on one server, starts a new event there (a form whose second ticket
 * type exists only in that page's view-scoped state), and the server "goes away" — the router moves
 * the browser to the other server and cuts its connections. Saving the form there must work, and so
 * must publishing after the router sends the browser back to the first server, which then has to
 * read the session the other one wrote rather than its own older copy.
 */
class AdminSessionFailoverIT {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static LibertyServer other;
  static TcpProxy router;
  static Browser browser;

  @BeforeAll
  static void start() {
    BookingFixtures.awaitApplication();
    other =
        LibertyServer.copyOfMain(
            "boxoffice-pages-b", LibertyServer.port(36), LibertyServer.testDatabaseEnv());
    other.start();
    other.awaitReady(200, Duration.ofMinutes(4));
    router = TcpProxy.failover(List.of(Api.baseUri().getPort(), other.httpPort()));
    browser = new Browser(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (router != null) {
      router.close();
    }
    if (other != null) {
      other.close();
    }
  }

  @Test
  void a_signed_in_organizer_keeps_working_when_the_router_moves_them_to_another_server() {
    User organizer = Accounts.organizer();
    String base = "http://127.0.0.1:" + router.port();
    browser.open(base + "/admin/events.xhtml");
    browser.type(By.id("login:email"), organizer.email());
    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));

    LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(20).withSecond(0).withNano(0);
    browser.clickAndWaitForPage(By.id("nav-new"));
    browser.type(By.id("event:title"), "Failover evening");
    browser.type(By.id("event:location"), "Hall B");
    browser.type(By.id("event:start"), LOCAL.format(start));
    browser.type(By.id("event:end"), LOCAL.format(start.plusHours(2)));
    browser.type(By.id("event:timeZone"), "UTC");
    browser.type(By.id("event:capacity"), "40");
    browser.type(By.id("event:tiers:0:name"), "Stalls");
    browser.type(By.id("event:tiers:0:price"), "10.00");
    browser.type(By.id("event:tiers:0:maxPerOrder"), "4");
    browser.clickAndWaitForPage(By.id("event:addTier"));
    browser.visible(By.id("event:tiers:1:name"));
    assertThat(router.connectionsTo(1)).as("nothing reached the other server yet").isZero();

    router.failOverTo(1);
    browser.type(By.id("event:tiers:1:name"), "Balcony");
    browser.type(By.id("event:tiers:1:price"), "20.00");
    browser.type(By.id("event:tiers:1:maxPerOrder"), "4");
    browser.clickAndWaitForPage(By.id("event:save"));
    browser.screenshot("failover-01-saved-on-the-other-server");
    browser.waitForText(By.id("event-status"), "DRAFT");
    browser.waitForText(By.id("messages"), "Event created as a draft");
    assertThat(router.connectionsTo(1)).as("the save went to the other server").isPositive();
    long eventId =
        Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
    assertThat(Db.query("SELECT name FROM ticket_types WHERE event_id = ? ORDER BY name", eventId))
        .extracting(row -> row.get("name"))
        .containsExactly("Balcony", "Stalls");

    int firstServerConnections = router.connectionsTo(0);
    router.failOverTo(0);
    browser.clickAndWaitForPage(By.id("event:publish"));
    browser.screenshot("failover-02-published-back-on-the-first-server");
    browser.waitForText(By.id("event-status"), "PUBLISHED");
    assertThat(router.connectionsTo(0)).isGreaterThan(firstServerConnections);
    assertThat(Api.server().get("/events/" + eventId).data().getString("status"))
        .isEqualTo("PUBLISHED");

    assertThat(Db.number("SELECT count(*) FROM http_sessions")).isPositive();
  }
}
