package org.boxoffice.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tickets at the door: signed codes, one check-in each, and the holder's QR image and PDF. */
class CheckinsIT {
  static User organizer;
  static User attendee;

  @BeforeAll
  static void people() {
    PaymentFixtures.awaitApplication();
    organizer = Accounts.organizer();
    attendee = Accounts.attendee();
  }

  @Test
  void the_organizer_checks_a_ticket_in_once_and_a_second_scan_is_told_the_first_time() {
    JsonObject ticket = freeTickets(1).get(0);

    ApiResponse first = checkIn(organizer, ticket.getString("qrCode"));

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.data().getString("ticketNumber")).isEqualTo(ticket.getString("ticketNumber"));
    assertThat(first.data().getString("attendeeName")).isEqualTo("Test User");
    String at = first.data().getString("checkedInAt");
    assertThat(Db.query("SELECT checked_in_at FROM tickets WHERE id = ?", id(ticket)).get(0))
        .doesNotContainValue(null);

    ApiResponse second = checkIn(organizer, ticket.getString("qrCode"));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.errorCode()).isEqualTo("ALREADY_CHECKED_IN");
    // Compared as times: JSON-B drops trailing zeros of the fraction, the message keeps them.
    String firstTime = second.error().getJsonArray("details").getJsonObject(0).getString("message");
    assertThat(OffsetDateTime.parse(firstTime)).isEqualTo(OffsetDateTime.parse(at));
    assertThat(second.error().getString("message")).contains(firstTime);
  }

  @Test
  void two_doors_scanning_one_ticket_at_once_admit_exactly_one() throws Exception {
    JsonObject ticket = freeTickets(1).get(0);
    int doors = 8;
    // Every door waits for the others, so the scans reach the server together instead of one by
    // one as each thread happens to start.
    CyclicBarrier together = new CyclicBarrier(doors);
    ExecutorService pool = Executors.newFixedThreadPool(doors);
    try {
      List<Callable<Integer>> scans = new ArrayList<>();
      for (int i = 0; i < doors; i++) {
        scans.add(
            () -> {
              together.await(30, TimeUnit.SECONDS);
              return checkIn(organizer, ticket.getString("qrCode")).status();
            });
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(scans)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsOnlyOnce(200);
      assertThat(statuses.stream().filter(s -> s == 409)).hasSize(doors - 1);
    } finally {
      pool.shutdownNow();
    }
    ApiResponse listed = attendee.api().get("/bookings/" + ticket.getInt("bookingId") + "/tickets");
    assertThat(listed.json().getJsonArray("data").getJsonObject(0).isNull("checkedInAt")).isFalse();
  }

  @Test
  void a_typed_ticket_number_checks_in_like_its_code_and_only_for_its_organizer() {
    JsonObject ticket = freeTickets(1).get(0);
    String number = ticket.getString("ticketNumber");

    ApiResponse stranger = byNumber(Accounts.organizer(), number);
    assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
    assertThat(stranger.errorCode()).isEqualTo("TICKET_NOT_FOUND");

    ApiResponse first = byNumber(organizer, number.toLowerCase(java.util.Locale.ROOT));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.data().getString("ticketNumber")).isEqualTo(number);
    assertThat(first.data().getString("attendeeName")).isEqualTo("Test User");
    OffsetDateTime at = OffsetDateTime.parse(first.data().getString("checkedInAt"));

    // The second scan's 409 is the same whichever way the ticket is presented, as before.
    for (ApiResponse again :
        List.of(byNumber(organizer, number), checkIn(organizer, ticket.getString("qrCode")))) {
      assertThat(again.status()).as(again.toString()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("ALREADY_CHECKED_IN");
      assertThat(again.error().getJsonArray("details")).hasSize(1);
      JsonObject detail = again.error().getJsonArray("details").getJsonObject(0);
      assertThat(detail.getString("field")).isEqualTo("checkedInAt");
      assertThat(OffsetDateTime.parse(detail.getString("message"))).isEqualTo(at);
      assertThat(again.error().getString("message"))
          .contains(number)
          .contains(detail.getString("message"));
    }

    ApiResponse unknown = byNumber(organizer, "BX-ZZZZ-ZZZZ");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    ApiResponse malformed = byNumber(organizer, "hello");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorFields()).containsExactly("ticketNumber");
    String both =
        jakarta.json.Json.createObjectBuilder()
            .add("code", ticket.getString("qrCode"))
            .add("ticketNumber", number)
            .build()
            .toString();
    ApiResponse refused = organizer.api().post("/checkins", both);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("ticketNumber");
    assertThat(
            organizer
                .api()
                .post("/checkins", "{\"ticketNumber\": \"" + "7".repeat(41) + "\"}")
                .errorFields())
        .containsExactly("ticketNumber");
  }

  @Test
  void a_forged_altered_or_malformed_code_is_refused_as_invalid() {
    JsonObject ticket = freeTickets(1).get(0);
    String code = ticket.getString("qrCode");
    char last = code.charAt(code.length() - 1);
    String altered = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');
    String otherTicket = code.replaceFirst("^BX1\\.\\d+\\.", "BX1." + (id(ticket) + 1) + ".");

    for (String bad :
        List.of(altered, otherTicket, "hello", "BX1.1.BX-0000-0000.x", "x".repeat(200))) {
      ApiResponse refused = checkIn(organizer, bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_TICKET_CODE");
    }
    assertThat(
            Db.query("SELECT checked_in_at FROM tickets WHERE id = ?", id(ticket))
                .get(0)
                .get("checked_in_at"))
        .isNull();
  }

  @Test
  void bad_requests_and_the_wrong_people_are_refused() {
    JsonObject ticket = freeTickets(1).get(0);
    String body = "{\"code\": \"" + ticket.getString("qrCode") + "\"}";

    assertThat(Accounts.organizer().api().post("/checkins", body).status()).isEqualTo(404);
    assertThat(attendee.api().post("/checkins", body).status()).isEqualTo(403);
    assertThat(Api.server().post("/checkins", body).status()).isEqualTo(401);
    assertThat(organizer.api().post("/checkins", "{}").errorFields()).contains("code");
    assertThat(organizer.api().post("/checkins", "{\"code\": 5}").status()).isEqualTo(400);
    assertThat(organizer.api().post("/checkins", "[").status()).isEqualTo(400);
    assertThat(
            organizer.api().post("/checkins", "{\"code\": \"" + "y".repeat(300) + "\"}").status())
        .isEqualTo(400);
    assertThat(
            Db.query("SELECT checked_in_at FROM tickets WHERE id = ?", id(ticket))
                .get(0)
                .get("checked_in_at"))
        .isNull();
  }

  @Test
  void a_cancelled_bookings_ticket_does_not_admit() {
    JsonObject ticket = freeTickets(1).get(0);
    attendee.api().post("/bookings/" + ticket.getInt("bookingId") + "/cancel", "{}");

    ApiResponse refused = checkIn(organizer, ticket.getString("qrCode"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("TICKET_NOT_VALID");
  }

  @Test
  void the_holder_gets_the_qr_image_and_the_printable_ticket_and_nobody_else_does()
      throws Exception {
    JsonObject ticket = freeTickets(1).get(0);
    HttpResponse<byte[]> png = raw(attendee, "/tickets/" + id(ticket) + "/qr.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(Arrays.copyOf(png.body(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

    HttpResponse<byte[]> pdf = raw(attendee, "/tickets/" + id(ticket) + ".pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(Arrays.copyOf(pdf.body(), 5), StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    User stranger = Accounts.attendee();
    assertThat(raw(stranger, "/tickets/" + id(ticket) + "/qr.png").statusCode()).isEqualTo(404);
    assertThat(raw(stranger, "/tickets/" + id(ticket) + ".pdf").statusCode()).isEqualTo(404);
    assertThat(stranger.api().get("/bookings/" + ticket.getInt("bookingId") + "/tickets").status())
        .isEqualTo(404);
    assertThat(raw(attendee, "/tickets/abc/qr.png").statusCode()).isEqualTo(404);
  }

  @Test
  void the_event_stats_count_checked_in_tickets() {
    List<JsonObject> tickets = freeTickets(3);
    checkIn(organizer, tickets.get(0).getString("qrCode"));
    checkIn(organizer, tickets.get(1).getString("qrCode"));

    long eventId = Db.number("SELECT event_id FROM tickets WHERE id = ?", id(tickets.get(0)));
    ApiResponse stats = organizer.api().get("/events/" + eventId + "/stats");

    assertThat(stats.data().getInt("checkedIn")).isEqualTo(2);
  }

  /** Books a free event's seats for the attendee; returns the tickets, each with its bookingId. */
  static List<JsonObject> freeTickets(int quantity) {
    long eventId = publishedEvent(organizer, 10, "0");
    JsonObject booking = booked(attendee.api(), eventId, quantity);
    ApiResponse listed = attendee.api().get("/bookings/" + id(booking) + "/tickets");
    return listed.json().getJsonArray("data").stream()
        .map(JsonValue::asJsonObject)
        .map(t -> jakarta.json.Json.createObjectBuilder(t).add("bookingId", id(booking)).build())
        .toList();
  }

  static ApiResponse checkIn(User who, String code) {
    return who.api()
        .post(
            "/checkins",
            jakarta.json.Json.createObjectBuilder().add("code", code).build().toString());
  }

  static ApiResponse byNumber(User who, String ticketNumber) {
    return who.api()
        .post(
            "/checkins",
            jakarta.json.Json.createObjectBuilder()
                .add("ticketNumber", ticketNumber)
                .build()
                .toString());
  }

  static HttpResponse<byte[]> raw(User who, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(Api.server().resolve(path))
                .header("Authorization", "Bearer " + who.token())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
