package org.boxoffice.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one database, as two pods: a ticket issued by one is admitted at the other's door.
 * The copy has a data directory of its own, so no dev key file is shared: it is given the main
 * server's key as {@code QR_SIGNING_KEY}, and only a configured key can make its codes agree.
 */
class TicketsAcrossServersIT {
  static LibertyServer copy;
  static Path copyDataDir;
  static User organizer;
  static User attendee;

  @BeforeAll
  static void start() throws IOException {
    PaymentFixtures.awaitApplication();
    Path mainKey =
        Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
            .resolve("usr/servers")
            .resolve(System.getProperty("it.server.name", "boxoffice"))
            .resolve("data/qr/dev-signing.key");
    Map<String, String> env = new LinkedHashMap<>(LibertyServer.testDatabaseEnv());
    copyDataDir = Files.createTempDirectory("boxoffice-tickets-b");
    env.put("BOXOFFICE_DATA_DIR", copyDataDir.toAbsolutePath().toString());
    env.put("QR_SIGNING_KEY", Files.readString(mainKey, StandardCharsets.US_ASCII).strip());
    copy = LibertyServer.copyOfMain("tickets-b", LibertyServer.port(7), env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
  }

  @Test
  void a_ticket_issued_on_one_server_is_admitted_at_the_other_and_only_once() {
    JsonObject fromMain = tickets(organizer.api(), attendee.api());
    // The copy keeps its own dev JWT keys: people sign in there for a token it accepts.
    Api organizerOnCopy = copy.api().as(signIn(organizer));
    Api attendeeOnCopy = copy.api().as(signIn(attendee));
    JsonObject fromCopy = tickets(organizerOnCopy, attendeeOnCopy);

    ApiResponse atCopy = checkIn(organizerOnCopy, fromMain.getString("qrCode"));
    ApiResponse atMain = checkIn(organizer.api(), fromCopy.getString("qrCode"));

    assertThat(atCopy.status()).as(atCopy.toString()).isEqualTo(200);
    assertThat(atCopy.data().getString("ticketNumber"))
        .isEqualTo(fromMain.getString("ticketNumber"));
    assertThat(atMain.status()).as(atMain.toString()).isEqualTo(200);
    assertThat(atMain.data().getString("ticketNumber"))
        .isEqualTo(fromCopy.getString("ticketNumber"));
    ApiResponse again = checkIn(organizer.api(), fromMain.getString("qrCode"));
    assertThat(again.errorCode()).isEqualTo("ALREADY_CHECKED_IN");
    assertThat(copyDataDir.resolve("qr/dev-signing.key")).doesNotExist();
  }

  /** A free event made and booked on one server; returns the one ticket that server lists. */
  private static JsonObject tickets(Api organizerApi, Api attendeeApi) {
    long eventId = publishedEvent(organizerApi, "Across servers", 5, "0");
    JsonObject booking = booked(attendeeApi, eventId, 1);
    ApiResponse listed = attendeeApi.get("/bookings/" + id(booking) + "/tickets");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json().getJsonArray("data").getJsonObject(0);
  }

  private static String signIn(User user) {
    ApiResponse login =
        copy.api()
            .post(
                "/auth/login",
                Json.createObjectBuilder()
                    .add("email", user.email())
                    .add("password", Accounts.PASSWORD)
                    .build()
                    .toString());
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return login.data().getString("accessToken");
  }

  private static ApiResponse checkIn(Api organizerApi, String code) {
    return organizerApi.post(
        "/checkins", Json.createObjectBuilder().add("code", code).build().toString());
  }
}
