package org.boxoffice.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /me/export holds every table's rows about the caller; DELETE /me leaves no trace of them. */
class PrivacyIT {
  /** Columns that say "this row is about that account", and the one table where organizer does. */
  private static final Set<String> PERSON_COLUMNS =
      Set.of("user_id", "holder_id", "actor_id", "uploaded_by");

  record Person(User user, String firstName, String lastName) {}

  @BeforeAll
  static void ready() {
    PaymentFixtures.awaitApplication();
  }

  /** A fresh account whose names appear nowhere else in the database. */
  static Person person(String accountType) {
    String first = "Ottilie" + UUID.randomUUID().toString().substring(0, 8);
    String last = "Quellbrunn" + UUID.randomUUID().toString().substring(0, 8);
    String email = "privacy-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        Api.server()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "%s", "lastName": "%s",
                 "accountType": "%s"}
                """
                    .formatted(email, Accounts.PASSWORD, first, last, accountType));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return new Person(Accounts.login(email, Accounts.PASSWORD), first, last);
  }

  /** Books one seat of a paid event and pays for it in the sandbox; the booking's id. */
  static long paidBooking(User buyer, long eventId) {
    JsonObject booking = PaymentFixtures.booked(buyer.api(), eventId, 1);
    ApiResponse paid =
        buyer.api().post("/payments/sandbox/" + PaymentFixtures.intentOf(booking) + "/confirm", "");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    return PaymentFixtures.id(booking);
  }

  static ApiResponse erase(User user, String body) {
    return user.api().send("DELETE", "/me", body, "application/json");
  }

  static void moveToThePast(long eventId) {
    Db.update(
        "UPDATE events SET start_date = now() - interval '2 days',"
            + " end_date = now() - interval '1 day' WHERE id = ?",
        eventId);
  }

  /** An organizer who has an event, an API token, and paid bookings of another's event. */
  static Person busyOrganizer(long othersEventId) {
    Person person = person("ORGANIZER");
    User user = person.user();
    PaymentFixtures.publishedEvent(user.api(), "Own event", 10, "0");
    ApiResponse token =
        user.api().post("/me/api-tokens", "{\"name\": \"crm\", \"scopes\": [\"events:read\"]}");
    assertThat(token.status()).isEqualTo(201);
    assertThat(Api.server().as(token.data().getString("token")).get("/organizer/events").status())
        .isEqualTo(200);
    paidBooking(user, othersEventId);
    long refunded = paidBooking(user, othersEventId);
    assertThat(user.api().post("/bookings/" + refunded + "/cancel", "{}").status()).isEqualTo(200);
    return person;
  }

  @Test
  void the_export_holds_every_tables_rows_about_the_caller_and_no_secret() {
    long othersEvent = PaymentFixtures.publishedEvent(Accounts.organizer(), 50, "25.00");
    Person person = busyOrganizer(othersEvent);
    long id = person.user().id();

    ApiResponse response = person.user().api().get("/me/export");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"boxoffice-personal-data-" + id + ".json\"");
    JsonObject tables = response.data().getJsonObject("tables");
    assertThat(response.data().getJsonNumber("userId").longValue()).isEqualTo(id);

    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> columns =
        Db.query(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' ORDER BY table_name, column_name");
    Set<String> walked = new HashSet<>();
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      boolean aboutPerson =
          PERSON_COLUMNS.contains(name) || (table.equals("events") && name.equals("organizer_id"));
      // account_erasures gets its row when the account is gone: never one for a live account.
      if (!aboutPerson || table.equals("account_erasures")) {
        continue;
      }
      walked.add(table);
      List<Map<String, Object>> rows =
          Db.query("SELECT * FROM " + table + " WHERE " + name + " = ?", id);
      if (!tables.containsKey(table)) {
        problems.add(table + " is not in the export (" + rows.size() + " rows about the user)");
        continue;
      }
      JsonArray exported = tables.getJsonArray(table);
      if (rows.isEmpty() || !rows.get(0).containsKey("id")) {
        if (exported.size() < rows.size()) {
          problems.add(table + ": " + exported.size() + " exported of " + rows.size());
        }
        continue;
      }
      Set<String> expected = new HashSet<>();
      rows.forEach(row -> expected.add(String.valueOf(row.get("id"))));
      Set<String> actual = new HashSet<>();
      exported.forEach(row -> actual.add(idOf(row)));
      if (!actual.containsAll(expected)) {
        problems.add(table + ": exported " + actual + " but the database has " + expected);
      }
      if (!table.equals("audit_log") && !actual.equals(expected)) {
        problems.add(table + ": exported " + actual + " but only " + expected + " are theirs");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(walked)
        .contains(
            "sessions", "bookings", "payments", "tickets", "api_tokens", "events", "audit_log");
    for (String table :
        List.of("users", "sessions", "bookings", "payments", "refunds", "tickets", "api_tokens")) {
      assertThat(tables.getJsonArray(table)).as(table).isNotEmpty();
    }
    assertThat(tables.getJsonArray("outbox").size())
        .isEqualTo(
            (int)
                Db.number(
                    "SELECT count(*) FROM outbox WHERE lower(recipient) = lower(?)",
                    person.user().email()))
        .isPositive();
    assertThat(tables.getJsonArray("refresh_tokens").size())
        .isEqualTo(
            (int)
                Db.number(
                    "SELECT count(*) FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id"
                        + " WHERE s.user_id = ?",
                    id));
    String body = response.body();
    assertThat(body).contains(person.firstName(), person.lastName());
    assertThat(body)
        .doesNotContain("password_hash", "token_sha256", "client_secret", "totp_secret", "$argon");
    String passwordHash =
        (String)
            Db.query("SELECT password_hash FROM users WHERE id = ?", id)
                .get(0)
                .get("password_hash");
    assertThat(body).doesNotContain(passwordHash);
  }

  @Test
  void erasure_leaves_no_name_or_email_in_any_text_column_and_keeps_the_amounts() {
    User otherOrganizer = Accounts.organizer();
    long othersEvent = PaymentFixtures.publishedEvent(otherOrganizer, 50, "25.00");
    Person person = busyOrganizer(othersEvent);
    User user = person.user();
    long id = user.id();
    String apiToken =
        user.api()
            .post("/me/api-tokens", "{\"name\": \"door\", \"scopes\": [\"events:read\"]}")
            .data()
            .getString("token");
    // Their own event and the booked one are over: nothing stands in the way of the erasure.
    Db.query("SELECT id FROM events WHERE organizer_id = ?", id)
        .forEach(row -> moveToThePast(((Number) row.get("id")).longValue()));
    moveToThePast(othersEvent);
    // The cancelled booking's refund settles in the background: settled before the figures.
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds r JOIN payments p ON p.id = r.payment_id"
                        + " WHERE p.user_id = ? AND r.status <> 'SUCCEEDED'",
                    id)
                == 0,
        Duration.ofSeconds(60),
        "the refund did not settle");
    Map<String, Object> before = accounting(id);
    String revenueBefore = revenue(otherOrganizer, othersEvent);

    assertThat(erase(user, "{\"password\": \"not-the-password\"}").errorFields())
        .containsExactly("password");
    assertThat(erase(user, "{}").status()).isEqualTo(400);
    ApiResponse viaToken =
        Api.server().as(apiToken).send("DELETE", "/me", "{}", "application/json");
    assertThat(viaToken.errorCode()).isEqualTo("INSUFFICIENT_SCOPE");

    ApiResponse erased = erase(user, "{\"password\": \"%s\"}".formatted(Accounts.PASSWORD));
    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

    List<String> traces = new ArrayList<>();
    for (Map<String, Object> column :
        Db.query(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public'"
                + " AND data_type IN ('character varying', 'text', 'character')")) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      long found =
          Db.number(
              "SELECT count(*) FROM "
                  + table
                  + " WHERE lower("
                  + name
                  + ") LIKE ? OR lower("
                  + name
                  + ") LIKE ? OR lower("
                  + name
                  + ") LIKE ?",
              "%" + user.email().toLowerCase(Locale.ROOT) + "%",
              "%" + person.firstName().toLowerCase(Locale.ROOT) + "%",
              "%" + person.lastName().toLowerCase(Locale.ROOT) + "%");
      if (found > 0) {
        traces.add(table + "." + name + ": " + found + " rows");
      }
    }
    assertThat(traces).isEmpty();

    assertThat(accounting(id)).isEqualTo(before);
    assertThat(revenue(otherOrganizer, othersEvent)).isEqualTo(revenueBefore);
    assertThat(Db.number("SELECT count(*) FROM users WHERE id = ?", id)).isEqualTo(1);
    assertThat(Db.number("SELECT count(*) FROM account_erasures WHERE user_id = ?", id))
        .isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE action = 'account.erased' AND actor_id = ?",
                id))
        .isEqualTo(1);

    assertThat(user.api().get("/me").status()).isEqualTo(401);
    assertThat(Api.server().as(apiToken).get("/organizer/events").status()).isEqualTo(401);
    ApiResponse login =
        Api.server()
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}"
                    .formatted(user.email(), Accounts.PASSWORD));
    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void erasure_is_refused_while_bookings_or_own_events_are_upcoming_and_changes_nothing() {
    long upcoming = PaymentFixtures.publishedEvent(Accounts.organizer(), 50, "25.00");
    Person attendee = person("ATTENDEE");
    paidBooking(attendee.user(), upcoming);
    ApiResponse refused =
        erase(attendee.user(), "{\"password\": \"%s\"}".formatted(Accounts.PASSWORD));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("UPCOMING_BOOKINGS");
    assertThat(attendee.user().api().get("/me").status()).isEqualTo(200);

    Person organizer = person("ORGANIZER");
    PaymentFixtures.publishedEvent(organizer.user().api(), "Next month", 10, "0");
    ApiResponse organizing =
        erase(organizer.user(), "{\"password\": \"%s\"}".formatted(Accounts.PASSWORD));
    assertThat(organizing.status()).isEqualTo(409);
    assertThat(organizing.errorCode()).isEqualTo("ORGANIZER_HAS_FUTURE_EVENTS");
    assertThat(
            Db.number(
                "SELECT count(*) FROM users WHERE id = ? AND first_name = ?",
                organizer.user().id(),
                organizer.firstName()))
        .isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT count(*) FROM account_erasures WHERE user_id = ?", organizer.user().id()))
        .isZero();
  }

  @Test
  void an_account_with_two_factor_sign_in_is_erased_with_a_current_code_and_not_without_one() {
    Person person = person("ORGANIZER");
    User user = person.user();
    String secret = user.api().post("/me/totp", null).data().getString("secret");
    ApiResponse confirmed =
        user.api().post("/me/totp/confirm", "{\"code\": \"" + totp(secret, 0) + "\"}");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
    String wrong = totp(secret, 1).equals("123456") ? "654321" : "123456";

    ApiResponse wrongCode = erase(user, "{\"totpCode\": \"" + wrong + "\"}");
    assertThat(wrongCode.status()).as(wrongCode.toString()).isEqualTo(400);
    assertThat(wrongCode.errorFields()).containsExactly("totpCode");
    ApiResponse noProof = erase(user, "{}");
    assertThat(noProof.status()).isEqualTo(400);
    assertThat(noProof.errorFields()).containsExactly("password");
    ApiResponse malformed = erase(user, "{\"totpCode\": \"" + "9".repeat(41) + "\"}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorFields()).containsExactly("totpCode");
    assertThat(
            Db.number(
                "SELECT count(*) FROM users WHERE id = ? AND first_name = ? AND totp_enabled",
                user.id(),
                person.firstName()))
        .isEqualTo(1);
    assertThat(Db.number("SELECT count(*) FROM account_erasures WHERE user_id = ?", user.id()))
        .isZero();
    assertThat(user.api().get("/me").status()).isEqualTo(200);

    // The next time step's code: accepted (one step of drift) and never a replay of the confirm.
    ApiResponse erased = erase(user, "{\"totpCode\": \"" + totp(secret, 1) + "\"}");

    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    assertThat(Db.number("SELECT count(*) FROM account_erasures WHERE user_id = ?", user.id()))
        .isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT count(*) FROM users WHERE id = ? AND (first_name = ? OR email = ?)",
                user.id(),
                person.firstName(),
                user.email()))
        .isZero();
    assertThat(Db.number("SELECT count(*) FROM totp_recovery_codes WHERE user_id = ?", user.id()))
        .isZero();
    assertThat(user.api().get("/me").status()).isEqualTo(401);
  }

  /** The TOTP code of the account's secret, {@code steps} time steps from now. */
  private static String totp(String secret, int steps) {
    long now = System.currentTimeMillis() / 1000 + (long) steps * Totp.STEP_SECONDS;
    return Totp.code(Base32.decode(secret), now, Totp.DIGITS);
  }

  /** The person's bookings, payments and refunds in figures. */
  private static Map<String, Object> accounting(long userId) {
    return Db.query(
            ("SELECT (SELECT count(*) FROM bookings WHERE user_id = ?1) AS bookings,"
                    + " (SELECT sum(final_amount) FROM bookings WHERE user_id = ?1) AS booked,"
                    + " (SELECT sum(amount) FROM payments WHERE user_id = ?1) AS paid,"
                    + " (SELECT sum(refunded_amount) FROM payments WHERE user_id = ?1) AS refunded,"
                    + " (SELECT sum(r.amount) FROM refunds r JOIN payments p ON p.id = r.payment_id"
                    + "  WHERE p.user_id = ?1) AS refunds,"
                    + " (SELECT count(*) FROM tickets WHERE holder_id = ?1) AS tickets")
                .replace("?1", String.valueOf(userId)))
        .get(0);
  }

  private static String revenue(User organizer, long eventId) {
    ApiResponse stats = organizer.api().get("/events/" + eventId + "/stats");
    assertThat(stats.status()).isEqualTo(200);
    return stats.data().get("revenue").toString();
  }

  private static String idOf(JsonValue row) {
    JsonValue id = row.asJsonObject().get("id");
    return id instanceof jakarta.json.JsonString text ? text.getString() : String.valueOf(id);
  }
}
