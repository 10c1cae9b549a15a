package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class AccessControlIT {
  /**
   * An admin of this test's own: registration cannot make one, so an organizer is promoted in the
   * database (the bootstrap admin from configuration is checked in RateLimitsIT, on a server copy).
   */
  static Accounts.User admin() {
    Accounts.User organizer = Accounts.organizer();
    Db.update("UPDATE users SET role = 'ADMIN' WHERE id = ?", organizer.id());
    return Accounts.login(organizer.email(), Accounts.PASSWORD);
  }

  @Test
  void anonymous_on_a_protected_endpoint_gets_401_with_the_envelope() {
    ApiResponse response = Api.server().get("/me");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().getBoolean("success")).isFalse();
    assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
    assertThat(response.json().getString("correlationId")).isNotBlank();
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void an_invalid_token_on_a_public_endpoint_is_ignored_and_the_request_runs_anonymously() {
    Accounts.User user = Accounts.attendee();
    ApiResponse login =
        Api.server()
            .as("not.a.token")
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}"
                    .formatted(user.email(), Accounts.PASSWORD));
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void an_attendee_on_an_admin_endpoint_gets_403_forbidden() {
    Accounts.User attendee = Accounts.attendee();
    ApiResponse audit = attendee.api().get("/audit");
    assertThat(audit.status()).isEqualTo(403);
    assertThat(audit.errorCode()).isEqualTo("FORBIDDEN");
    ApiResponse role =
        attendee.api().put("/users/" + attendee.id() + "/role", "{\"role\": \"ADMIN\"}");
    assertThat(role.status()).isEqualTo(403);
    assertThat(Db.query("SELECT role FROM users WHERE id = ?", attendee.id()).get(0).get("role"))
        .isEqualTo("ATTENDEE");
  }

  @Test
  void an_attendee_cannot_enrol_in_totp_which_is_for_organizers_and_admins() {
    ApiResponse response = Accounts.attendee().api().post("/me/totp", null);
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
  }

  @Test
  void registration_refuses_to_create_an_admin() {
    String email = "would-be-admin-" + UUID.randomUUID() + "@example.test";
    ApiResponse response =
        Api.server()
            .post(
                "/auth/register",
                """
                {"email": "%s", "password": "%s", "firstName": "A", "lastName": "B",
                 "accountType": "ADMIN"}
                """
                    .formatted(email, Accounts.PASSWORD));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorFields()).containsExactly("accountType");
    assertThat(Db.number("SELECT count(*) FROM users WHERE email_lower = ?", email)).isZero();
  }

  @Test
  void an_admin_promotes_a_user_and_the_change_is_audited_and_ends_their_sessions() {
    Accounts.User admin = admin();
    Accounts.User organizer = Accounts.organizer();
    ApiResponse changed =
        admin.api().put("/users/" + organizer.id() + "/role", "{\"role\": \"ADMIN\"}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.data().getString("role")).isEqualTo("ADMIN");
    assertThat(Db.query("SELECT role FROM users WHERE id = ?", organizer.id()).get(0).get("role"))
        .isEqualTo("ADMIN");
    assertThat(organizer.api().get("/me").status()).isEqualTo(401);
    Accounts.User promoted = Accounts.login(organizer.email(), Accounts.PASSWORD);
    assertThat(promoted.api().get("/audit").status()).isEqualTo(200);

    ApiResponse audit =
        admin.api().get("/audit?action=user.role.changed&actorId=" + admin.id() + "&size=100");
    assertThat(audit.status()).isEqualTo(200);
    assertThat(
            audit.data().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(e -> e.getString("resourceId").equals(Long.toString(organizer.id())))
                .findFirst())
        .hasValueSatisfying(
            entry -> {
              assertThat(entry.getString("actorEmail")).isEqualTo(admin.email());
              assertThat(entry.getString("details")).startsWith("ORGANIZER -> ADMIN");
              assertThat(entry.getString("ip")).isNotBlank();
              assertThat(entry.getString("correlationId")).isNotBlank();
            });
  }

  @Test
  void role_changes_refuse_bad_input_with_the_field_named_and_change_nothing() {
    Accounts.User admin = admin();
    Accounts.User attendee = Accounts.attendee();
    ApiResponse badRole =
        admin.api().put("/users/" + attendee.id() + "/role", "{\"role\": \"ROOT\"}");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.errorFields()).containsExactly("role");
    ApiResponse noRole = admin.api().put("/users/" + attendee.id() + "/role", "{}");
    assertThat(noRole.status()).isEqualTo(400);
    assertThat(noRole.errorFields()).containsExactly("role");
    ApiResponse badId = admin.api().put("/users/0/role", "{\"role\": \"ORGANIZER\"}");
    assertThat(badId.status()).isEqualTo(400);
    ApiResponse unknown = admin.api().put("/users/999999999/role", "{\"role\": \"ORGANIZER\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(Db.query("SELECT role FROM users WHERE id = ?", attendee.id()).get(0).get("role"))
        .isEqualTo("ATTENDEE");
  }

  @Test
  void the_audit_list_is_paged_newest_first_and_validates_its_parameters() {
    Accounts.User admin = admin();
    ApiResponse page = admin.api().get("/audit?page=0&size=2");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.data().getJsonArray("items")).hasSizeLessThanOrEqualTo(2);
    assertThat(page.data().getInt("size")).isEqualTo(2);
    assertThat(page.data().getJsonNumber("total").longValue()).isPositive();
    var items = page.data().getJsonArray("items");
    if (items.size() == 2) {
      assertThat(items.getJsonObject(0).getJsonNumber("id").longValue())
          .isGreaterThan(items.getJsonObject(1).getJsonNumber("id").longValue());
    }
    ApiResponse tooBig = admin.api().get("/audit?size=101");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.errorFields()).containsExactly("size");
    ApiResponse negative = admin.api().get("/audit?page=-1");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.errorFields()).containsExactly("page");
    ApiResponse badActor = admin.api().get("/audit?actorId=abc");
    assertThat(badActor.status()).isEqualTo(400);
  }

  @Test
  void sign_ins_are_audited_successes_and_failures() {
    Accounts.User user = Accounts.attendee();
    ApiResponse wrong =
        Api.server()
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"wrong-password-123\"}"
                    .formatted(user.email()));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.login.success'",
                user.id()))
        .isEqualTo(1);
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.login.failure'",
                user.id()))
        .isEqualTo(1);
  }
}
