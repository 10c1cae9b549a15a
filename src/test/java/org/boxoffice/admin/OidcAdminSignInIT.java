package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.boxoffice.identity.OidcCopyServer;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * "Sign in with ..." on the admin sign-in page, in headless Chromium against a real OpenID Connect
 * provider on another site (localhost vs 127.0.0.1, so the provider's redirect back is a cross-site
 * navigation, as with Google): the page first asked for after the provider, sign-out ending the
 * identity session, and the TOTP step of a two-factor account.
 */
@ExtendWith(OidcCopyServer.class)
class OidcAdminSignInIT extends AdminBrowserBase {

  @BeforeAll
  static void onTheCopy() {
    base = "http://127.0.0.1:" + OidcCopyServer.copy().httpPort();
  }

  @BeforeEach
  void signedOut() {
    browser.driver.manage().deleteAllCookies();
  }

  private static void nextSignIn(
      String issuer, String client, String subject, Map<String, Object> claims) {
    OidcCopyServer.provider()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(client), claims, 3600));
  }

  @Test
  void an_organizer_signs_in_with_the_provider_lands_on_the_page_asked_for_and_signs_out() {
    String subject = UUID.randomUUID().toString();
    Map<String, Object> claims =
        OidcCopyServer.person(OidcCopyServer.uniqueEmail("corp.example.test"));
    claims.put("groups", List.of("boxoffice-organizers"));
    nextSignIn("strict", OidcCopyServer.STRICT_CLIENT, subject, claims);

    browser.open(base + "/admin/coupons.xhtml");
    browser.visible(By.id("login:email"));
    browser.screenshot("oidc-sign-in-page");
    browser.clickAndWaitForPage(By.linkText("Sign in with Corp SSO"));

    browser.visible(By.id("nav-dashboard"));
    assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/coupons.xhtml");
    long userId =
        Db.number(
            "SELECT user_id FROM external_identities WHERE provider = 'strict' AND subject = ?",
            subject);
    assertThat(liveSessions(userId)).isEqualTo(1);

    browser.clickAndWaitForPage(By.id("signout:signOut"));
    browser.visible(By.id("login:email"));
    assertThat(liveSessions(userId)).isZero();
    browser.open(base + "/admin/index.xhtml");
    browser.visible(By.id("login:email"));
  }

  @Test
  void a_two_factor_organizer_gives_the_code_after_the_provider() {
    User organizer = Accounts.organizer();
    String secret = organizer.api().post("/me/totp", null).data().getString("secret");
    assertThat(
            organizer
                .api()
                .post("/me/totp/confirm", "{\"code\": \"" + code(secret, 0) + "\"}")
                .status())
        .isEqualTo(204);
    String subject = UUID.randomUUID().toString();
    String token =
        OidcCopyServer.idToken(
            "corp",
            OidcCopyServer.CORP_CLIENT,
            subject,
            OidcCopyServer.person(OidcCopyServer.uniqueEmail("e.test")));
    ApiResponse linked =
        OidcCopyServer.api()
            .as(organizer.token())
            .post("/me/identities/corp", "{\"idToken\": \"" + token + "\"}");
    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    nextSignIn("corp", OidcCopyServer.CORP_CLIENT, subject, Map.of());

    browser.open(base + "/admin/login.xhtml");
    browser.clickAndWaitForPage(By.linkText("Sign in with Corp"));
    browser.waitForText(By.id("messages"), "Enter the code from your authenticator app");
    assertThat(browser.driver.findElements(By.id("nav-dashboard"))).isEmpty();

    browser.type(By.id("providerCode:code"), "000000");
    browser.clickAndWaitForPage(By.id("providerCode:finish"));
    browser.waitForText(By.id("messages"), "wrong");

    browser.type(By.id("providerCode:code"), code(secret, 1));
    browser.clickAndWaitForPage(By.id("providerCode:finish"));
    browser.visible(By.id("nav-dashboard"));
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE actor_id = ? AND action = 'auth.login.success'"
                    + " AND details = 'with corp, with TOTP'",
                organizer.id()))
        .isEqualTo(1);
  }

  private static long liveSessions(long userId) {
    return Db.number(
        "SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL", userId);
  }

  private static String code(String secret, int steps) {
    long now = System.currentTimeMillis() / 1000 + (long) steps * Totp.STEP_SECONDS;
    return Totp.code(Base32.decode(secret), now, Totp.DIGITS);
  }
}
