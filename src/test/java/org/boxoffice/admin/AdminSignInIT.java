package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The admin sign-in is Jakarta Security form login: the container guards the pages and remembers
 * the page asked for, the HTTP session carries the sign-in (rotated at sign-in, useless after
 * sign-out), the API's bearer tokens open no admin page and API calls get no session, and the
 * account throttle and the TOTP step are the API's own.
 */
class AdminSignInIT extends AdminBrowserBase {

  @BeforeEach
  void signedOut() {
    browser.driver.manage().deleteAllCookies();
  }

  @Test
  void a_page_asked_for_before_signing_in_is_shown_after_it() {
    User organizer = Accounts.organizer();
    browser.open(base + "/admin/coupons.xhtml");
    browser.visible(By.id("login:email"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");

    signIn(organizer.email(), Accounts.PASSWORD);

    browser.visible(By.id("nav-dashboard"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/coupons.xhtml");
  }

  @Test
  void the_session_id_changes_at_sign_in_and_is_worthless_after_sign_out() {
    User organizer = Accounts.organizer();
    browser.open(base + "/admin/login.xhtml");
    String before = session();

    signIn(organizer.email(), Accounts.PASSWORD);
    browser.visible(By.id("nav-dashboard"));
    String signedIn = session();
    assertThat(signedIn).isNotEqualTo(before);
    assertThat(adminPage(signedIn).status()).isEqualTo(200);
    // A session id planted before the sign-in (fixation) is not signed in.
    assertThat(adminPage(before).status()).isEqualTo(302);

    browser.clickAndWaitForPage(By.id("signout:signOut"));
    browser.visible(By.id("login:email"));

    ApiResponse replayed = adminPage(signedIn);
    assertThat(replayed.status()).isEqualTo(302);
    assertThat(replayed.header("Location")).endsWith("/admin/login.xhtml");
  }

  @Test
  void sign_out_ends_the_identity_session_and_logging_out_everywhere_ends_the_page_session() {
    User organizer = Accounts.organizer();
    browser.open(base + "/admin/login.xhtml");
    signIn(organizer.email(), Accounts.PASSWORD);
    browser.visible(By.id("nav-dashboard"));
    assertThat(liveSessions(organizer)).isEqualTo(2); // the API sign-in and the page sign-in
    browser.clickAndWaitForPage(By.id("signout:signOut"));
    browser.visible(By.id("login:email"));
    assertThat(liveSessions(organizer)).isEqualTo(1);

    signIn(organizer.email(), Accounts.PASSWORD);
    browser.visible(By.id("nav-dashboard"));
    assertThat(organizer.api().post("/auth/logout-all", null).status()).isEqualTo(204);

    browser.open(base + "/admin/events.xhtml");
    browser.visible(By.id("login:email"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");
  }

  @Test
  void an_api_token_opens_no_admin_page_and_api_calls_get_no_session() {
    User organizer = Accounts.organizer();

    ApiResponse page =
        Api.server().withHeader("Authorization", "Bearer " + organizer.token()).get("/admin/");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/admin/login.xhtml");

    ApiResponse me = organizer.api().get("/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void an_ajax_request_without_a_sign_in_is_told_to_go_to_the_sign_in_page() {
    Api faces = Api.server().withHeader("Faces-Request", "partial/ajax");

    ApiResponse page = faces.get("/admin/events.xhtml");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/admin/login.xhtml");

    // Faces' Ajax client follows that redirect with the same header, and needs XML there.
    ApiResponse followed = faces.get("/admin/login.xhtml");
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.body())
        .contains("<partial-response><redirect url=\"/admin/login.xhtml\"/></partial-response>");
  }

  @Test
  void failed_api_logins_block_the_admin_sign_in_too() {
    User organizer = Accounts.organizer();
    for (int i = 0; i < 5; i++) {
      ApiResponse wrong =
          Api.server()
              .post(
                  "/auth/login",
                  "{\"email\": \"%s\", \"password\": \"wrong-password-%d\"}"
                      .formatted(organizer.email(), i));
      assertThat(wrong.status()).isEqualTo(401);
    }

    browser.open(base + "/admin/login.xhtml");
    signIn(organizer.email(), Accounts.PASSWORD);

    browser.waitForText(By.id("messages"), "Too many failed sign-ins");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/login.xhtml");
    assertThat(browser.driver.findElements(By.id("nav-dashboard"))).isEmpty();
  }

  @Test
  void an_organizer_with_two_factor_sign_in_gives_the_code_at_the_admin_sign_in() {
    User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    ApiResponse confirmed =
        organizer.api().post("/me/totp/confirm", "{\"code\": \"" + code(secret, 0) + "\"}");
    assertThat(confirmed.status()).isEqualTo(204);

    browser.open(base + "/admin/login.xhtml");
    signIn(organizer.email(), Accounts.PASSWORD);
    browser.waitForText(By.id("messages"), "Enter the code from your authenticator app");
    assertThat(browser.driver.findElements(By.id("nav-dashboard"))).isEmpty();

    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.type(By.id("login:totp"), "000000");
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.waitForText(By.id("messages"), "wrong");
    assertThat(browser.driver.findElements(By.id("nav-dashboard"))).isEmpty();

    browser.type(By.id("login:password"), Accounts.PASSWORD);
    browser.type(By.id("login:totp"), code(secret, 1));
    browser.clickAndWaitForPage(By.id("login:submit"));
    browser.visible(By.id("nav-dashboard"));
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ?"
                    + " AND action = 'auth.login.success' AND details = 'with TOTP'",
                organizer.id()))
        .isEqualTo(1L);
  }

  private static void signIn(String email, String password) {
    browser.type(By.id("login:email"), email);
    browser.type(By.id("login:password"), password);
    browser.clickAndWaitForPage(By.id("login:submit"));
  }

  private static long liveSessions(User user) {
    return Db.number(
        "SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL", user.id());
  }

  private static String session() {
    return browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
  }

  private static ApiResponse adminPage(String sessionId) {
    return Api.server().withHeader("Cookie", "JSESSIONID=" + sessionId).get("/admin/index.xhtml");
  }

  /** The authenticator's code {@code steps} time steps from now. */
  private static String code(String secret, int steps) {
    long now = System.currentTimeMillis() / 1000 + (long) steps * Totp.STEP_SECONDS;
    return Totp.code(Base32.decode(secret), now, Totp.DIGITS);
  }
}
