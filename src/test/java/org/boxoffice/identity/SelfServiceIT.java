package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.identity.OidcCopyServer.CORP_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.idToken;
import static org.boxoffice.identity.OidcCopyServer.person;
import static org.boxoffice.identity.OidcCopyServer.uniqueEmail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Account self-service ({@code PATCH /me}, {@code POST /me/password}, {@code /me/sessions}) on a
 * copy of the server whose outbox delivers over SMTP to GreenMail, so a change of address is
 * confirmed by the link in the real email. The copy knows the OpenID Connect provider {@code corp}
 * of {@link OidcCopyServer}, for accounts a provider made.
 */
@ExtendWith(OidcCopyServer.class)
class SelfServiceIT {
  static Mailbox mail;
  static LibertyServer copy;

  @BeforeAll
  static void start() {
    mail = new Mailbox();
    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.putAll(mail.env());
    env.putAll(OidcCopyServer.corpProviderEnv());
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    copy = LibertyServer.copyOfMain("boxoffice-self", LibertyServer.port(49), env);
    copy.start().awaitReady(200, Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (copy != null) {
      copy.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  private static Api api() {
    return copy.api();
  }

  static final String NEW_PASSWORD = "another-long-passphrase-42";

  record Signed(Api api, String refreshToken, String email) {}

  static Signed signIn(String email, String password) {
    ApiResponse login =
        api()
            .post(
                "/auth/login",
                "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return new Signed(
        api().as(login.data().getString("accessToken")),
        login.data().getString("refreshToken"),
        email);
  }

  static ApiResponse refresh(String refreshToken) {
    return api().post("/auth/refresh", "{\"refreshToken\": \"%s\"}".formatted(refreshToken));
  }

  @Test
  void names_change_at_once() {
    Accounts.User user = Accounts.attendee();
    Signed session = signIn(user.email(), Accounts.PASSWORD);

    ApiResponse changed = session.api().patch("/me", "{\"firstName\": \"  Ada \"}");

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.data().getString("firstName")).isEqualTo("Ada");
    assertThat(changed.data().getString("lastName")).isNotBlank();
    assertThat(session.api().get("/me").data().getString("firstName")).isEqualTo("Ada");
  }

  @Test
  void a_new_email_is_confirmed_by_the_link_sent_to_it_and_the_old_address_is_told()
      throws Exception {
    Accounts.User user = Accounts.attendee();
    Signed session = signIn(user.email(), Accounts.PASSWORD);
    String newEmail = uniqueEmail("new.example.test");

    ApiResponse requested = session.api().patch("/me", "{\"email\": \"" + newEmail + "\"}");

    assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
    assertThat(requested.data().getString("email")).isEqualTo(user.email());
    assertThat(requested.data().getString("pendingEmail")).isEqualTo(newEmail);
    MimeMessage notice = mail.await(user.email(), "Your Boxoffice email address is being changed");
    assertThat(Mailbox.text(notice)).contains(newEmail).doesNotContain("token=");
    String token =
        Mailbox.tokenIn(mail.await(newEmail, "Confirm your new email address"), "verify-email");
    // Until the link is opened, the old address still signs in and the new one does not.
    assertThat(signInStatus(newEmail)).isEqualTo(401);

    assertThat(api().post("/auth/verify-email", "{\"token\": \"" + token + "\"}").status())
        .isEqualTo(204);

    JsonObject me = session.api().get("/me").data();
    assertThat(me.getString("email")).isEqualTo(newEmail);
    assertThat(me.getBoolean("emailVerified")).isTrue();
    assertThat(me.containsKey("pendingEmail")).isFalse();
    assertThat(signInStatus(newEmail)).isEqualTo(200);
    assertThat(signInStatus(user.email())).isEqualTo(401);
    ApiResponse again = api().post("/auth/verify-email", "{\"token\": \"" + token + "\"}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errorFields()).containsExactly("token");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.email.changed'",
                user.id()))
        .isEqualTo(1);
  }

  @Test
  void a_newer_change_replaces_the_older_and_a_taken_address_is_refused() throws Exception {
    Accounts.User user = Accounts.attendee();
    Accounts.User other = Accounts.attendee();
    Signed session = signIn(user.email(), Accounts.PASSWORD);
    String first = uniqueEmail("first.example.test");
    String second = uniqueEmail("second.example.test");

    ApiResponse taken = session.api().patch("/me", "{\"email\": \"" + other.email() + "\"}");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
    assertThat(taken.errorCode()).isEqualTo("EMAIL_TAKEN");

    assertThat(session.api().patch("/me", "{\"email\": \"" + first + "\"}").status())
        .isEqualTo(200);
    String firstToken =
        Mailbox.tokenIn(mail.await(first, "Confirm your new email address"), "verify-email");
    assertThat(session.api().patch("/me", "{\"email\": \"" + second + "\"}").status())
        .isEqualTo(200);
    Mailbox.tokenIn(mail.await(second, "Confirm your new email address"), "verify-email");

    ApiResponse stale = api().post("/auth/verify-email", "{\"token\": \"" + firstToken + "\"}");
    assertThat(stale.status()).isEqualTo(400);
    assertThat(session.api().get("/me").data().getString("pendingEmail")).isEqualTo(second);
    assertThat(session.api().get("/me").data().getString("email")).isEqualTo(user.email());
  }

  @Test
  void a_password_change_needs_the_current_one_and_ends_the_other_sessions_only() {
    Accounts.User user = Accounts.attendee();
    Signed here = signIn(user.email(), Accounts.PASSWORD);
    Signed elsewhere = signIn(user.email(), Accounts.PASSWORD);

    ApiResponse wrong =
        here.api()
            .post(
                "/me/password",
                "{\"currentPassword\": \"not-it-at-all\", \"newPassword\": \""
                    + NEW_PASSWORD
                    + "\"}");
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
    assertThat(wrong.errorFields()).containsExactly("currentPassword");
    ApiResponse weak =
        here.api()
            .post(
                "/me/password",
                "{\"currentPassword\": \"%s\", \"newPassword\": \"short\"}"
                    .formatted(Accounts.PASSWORD));
    assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
    assertThat(weak.errorFields()).containsExactly("newPassword");
    assertThat(elsewhere.api().get("/me").status()).isEqualTo(200);

    ApiResponse changed =
        here.api()
            .post(
                "/me/password",
                "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}"
                    .formatted(Accounts.PASSWORD, NEW_PASSWORD));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(here.api().get("/me").status()).isEqualTo(200);
    assertThat(elsewhere.api().get("/me").status()).isEqualTo(401);
    assertThat(refresh(elsewhere.refreshToken()).status()).isEqualTo(401);
    assertThat(refresh(here.refreshToken()).status()).isEqualTo(200);
    assertThat(signInStatus(user.email(), Accounts.PASSWORD)).isEqualTo(401);
    assertThat(signInStatus(user.email(), NEW_PASSWORD)).isEqualTo(200);
  }

  @Test
  void an_account_without_a_password_is_told_to_use_the_reset() {
    ApiResponse created =
        api()
            .post(
                "/auth/oidc/corp",
                "{\"idToken\": \"%s\"}"
                    .formatted(
                        idToken(
                            "corp",
                            CORP_CLIENT,
                            UUID.randomUUID().toString(),
                            person(uniqueEmail("e.test")))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    Api owner = api().as(created.data().getString("accessToken"));

    ApiResponse refused =
        owner.post(
            "/me/password",
            "{\"currentPassword\": \"\", \"newPassword\": \"" + NEW_PASSWORD + "\"}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("PASSWORD_NOT_SET");
  }

  @Test
  void sessions_are_listed_and_one_can_be_ended_from_another() {
    Accounts.User user = Accounts.attendee();
    Signed here = signIn(user.email(), Accounts.PASSWORD);
    Signed phone = signIn(user.email(), Accounts.PASSWORD);

    List<JsonObject> sessions = list(here.api());
    assertThat(sessions).hasSizeGreaterThanOrEqualTo(2);
    assertThat(sessions).filteredOn(s -> s.getBoolean("current")).hasSize(1);
    String currentId =
        sessions.stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    String phoneId =
        list(phone.api()).stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertThat(phoneId).isNotEqualTo(currentId);

    // Another user cannot end it, nor tell it exists.
    ApiResponse foreign = Accounts.attendee().api().delete("/me/sessions/" + phoneId);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.errorCode()).isEqualTo("SESSION_NOT_FOUND");
    assertThat(phone.api().get("/me").status()).isEqualTo(200);

    assertThat(here.api().delete("/me/sessions/" + phoneId).status()).isEqualTo(204);

    assertThat(phone.api().get("/me").status()).isEqualTo(401);
    assertThat(refresh(phone.refreshToken()).status()).isEqualTo(401);
    assertThat(list(here.api())).extracting(s -> s.getString("id")).doesNotContain(phoneId);
    assertThat(here.api().delete("/me/sessions/" + phoneId).status()).isEqualTo(404);
    assertThat(here.api().get("/me").status()).isEqualTo(200);
  }

  @Test
  void bad_changes_are_400_with_the_field_and_change_nothing() {
    Accounts.User user = Accounts.attendee();
    Signed session = signIn(user.email(), Accounts.PASSWORD);
    JsonObject before = session.api().get("/me").data();

    for (String body :
        List.of(
            "{\"firstName\": \"\"}",
            "{\"firstName\": \"   \"}",
            "{\"lastName\": \"" + "x".repeat(101) + "\"}",
            "{\"email\": \"not-an-email\"}")) {
      ApiResponse refused = session.api().patch("/me", body);
      assertThat(refused.status()).as(body + " -> " + refused).isEqualTo(400);
      assertThat(refused.errorFields()).as(body).hasSize(1);
    }
    ApiResponse noBody = session.api().patch("/me", "");
    assertThat(noBody.status()).isEqualTo(400);
    assertThat(session.api().get("/me").data()).isEqualTo(before);
  }

  /**
   * An account a provider made has no password; the password reset gives it one (the email travels
   * over SMTP to GreenMail), after which the password signs in and the identity may go.
   */
  @Test
  void an_account_made_by_a_provider_gets_a_password_by_reset_and_may_then_unlink()
      throws Exception {
    String email = uniqueEmail("corp.example.test");
    ApiResponse created =
        api()
            .post(
                "/auth/oidc/corp",
                "{\"idToken\": \"%s\"}"
                    .formatted(
                        idToken("corp", CORP_CLIENT, UUID.randomUUID().toString(), person(email))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    Api owner = api().as(created.data().getString("accessToken"));
    assertThat(owner.get("/me").data().getBoolean("hasPassword")).isFalse();
    String password = "a-passphrase-of-its-own-" + UUID.randomUUID();
    ApiResponse noPasswordYet = login(email, password);
    assertThat(noPasswordYet.status()).as(noPasswordYet.toString()).isEqualTo(401);
    assertThat(noPasswordYet.errorCode()).isEqualTo("INVALID_CREDENTIALS");

    assertThat(api().post("/auth/password-reset", "{\"email\": \"" + email + "\"}").status())
        .isEqualTo(202);
    String token =
        Mailbox.tokenIn(mail.await(email, "Reset your Boxoffice password"), "password-reset");
    ApiResponse reset =
        api()
            .post(
                "/auth/password-reset/confirm",
                "{\"token\": \"%s\", \"newPassword\": \"%s\"}".formatted(token, password));
    assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

    ApiResponse signedIn = login(email, password);
    assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
    Api withPassword = api().as(signedIn.data().getString("accessToken"));
    assertThat(withPassword.get("/me").data().getBoolean("hasPassword")).isTrue();
    assertThat(withPassword.delete("/me/identities/corp").status()).isEqualTo(204);
    assertThat(withPassword.get("/me").data().getJsonArray("identities")).isEmpty();
    assertThat(login(email, password).status()).isEqualTo(200);
  }

  private static ApiResponse login(String email, String password) {
    return api()
        .post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
  }

  private static List<JsonObject> list(Api api) {
    ApiResponse answer = api.get("/me/sessions");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().getJsonArray("data").stream().map(JsonValue::asJsonObject).toList();
  }

  private static int signInStatus(String email) {
    return signInStatus(email, Accounts.PASSWORD);
  }

  private static int signInStatus(String email, String password) {
    return api()
        .post("/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))
        .status();
  }
}
