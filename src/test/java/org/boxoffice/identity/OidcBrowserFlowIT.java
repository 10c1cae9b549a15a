package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.identity.OidcCopyServer.STRICT_CLIENT;
import static org.boxoffice.identity.OidcCopyServer.person;
import static org.boxoffice.identity.OidcCopyServer.uniqueEmail;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin pages' authorization-code flow, step by step over HTTP as a browser makes it (one
 * cookie jar, no redirect followed on its own), against the real provider: PKCE, {@code state} and
 * {@code nonce}, the state used once, and the provider stopped mid-flow.
 */
@ExtendWith(OidcCopyServer.class)
class OidcBrowserFlowIT {
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private HttpResponse<String> get(String url) {
    try {
      return browser.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String app() {
    return "http://127.0.0.1:" + OidcCopyServer.copy().httpPort();
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }

  /** Starts at the app, lets the provider sign the person in; the provider's redirect back. */
  private String throughProvider(String provider) {
    String authorize = location(get(app() + "/admin/oidc/" + provider));
    assertThat(authorize)
        .contains("code_challenge_method=S256")
        .contains("state=")
        .contains("nonce=");
    String callback = location(get(authorize));
    assertThat(callback).startsWith(app() + "/admin/oidc/callback?");
    return callback;
  }

  /** The callback page sends the browser on from our own site; the URL it sends it to. */
  private String bounced(String callback) {
    HttpResponse<String> page = get(callback);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    String body = page.body();
    int at = body.indexOf("url=") + 4;
    String path = body.substring(at, body.indexOf('"', at)).replace("&amp;", "&");
    return app() + path;
  }

  private static void nextSignIn(String subject, Map<String, Object> claims) {
    OidcCopyServer.provider()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                "strict", subject, "JWT", List.of(STRICT_CLIENT), claims, 3600));
  }

  @Test
  void an_organizer_signs_in_with_the_provider_and_the_state_cannot_be_used_twice() {
    String subject = UUID.randomUUID().toString();
    Map<String, Object> claims = person(uniqueEmail("corp.example.test"));
    claims.put("groups", List.of("boxoffice-organizers"));
    nextSignIn(subject, claims);
    // The page asked for first is remembered by the sign-in redirect.
    assertThat(location(get(app() + "/admin/coupons.xhtml"))).endsWith("/admin/login.xhtml");

    String complete = bounced(throughProvider("strict"));
    HttpResponse<String> signedIn = get(complete);

    assertThat(location(signedIn)).endsWith("/admin/coupons.xhtml");
    assertThat(get(app() + "/admin/coupons.xhtml").statusCode()).isEqualTo(200);
    long userId =
        Db.number(
            "SELECT user_id FROM external_identities WHERE provider = 'strict' AND subject = ?",
            subject);
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE action = 'auth.login.success'"
                    + " AND actor_id = ?",
                userId))
        .isEqualTo(1);

    // The same return again (a replayed state): refused, nothing more happens.
    String replayed = location(get(complete));
    assertThat(replayed).contains("/admin/login.xhtml?oidc=OIDC_STATE_INVALID");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE action = 'auth.login.success'"
                    + " AND actor_id = ?",
                userId))
        .isEqualTo(1);
  }

  @Test
  void a_return_with_a_forged_state_is_refused_and_audited() {
    String authorize = location(get(app() + "/admin/oidc/strict"));
    assertThat(authorize).isNotBlank();
    long before =
        Db.number(
            "SELECT count(*) FROM audit_log WHERE action = 'auth.oidc.failure'"
                + " AND details LIKE 'OIDC_STATE_INVALID%'");

    String refused = location(get(app() + "/admin/oidc/complete?code=abc&state=forged"));

    assertThat(refused).contains("/admin/login.xhtml?oidc=OIDC_STATE_INVALID");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE action = 'auth.oidc.failure'"
                    + " AND details LIKE 'OIDC_STATE_INVALID%'"))
        .isEqualTo(before + 1);
  }

  @Test
  void an_attendee_is_not_let_into_the_admin_pages() {
    String subject = UUID.randomUUID().toString();
    nextSignIn(subject, person(uniqueEmail("corp.example.test")));

    String refused = location(get(bounced(throughProvider("strict"))));

    assertThat(refused).contains("/admin/login.xhtml?oidc=ADMIN_PAGES_ONLY");
    assertThat(location(get(app() + "/admin/index.xhtml"))).endsWith("/admin/login.xhtml");
  }

  @Test
  void the_provider_stopped_mid_flow_is_a_clear_refusal_and_creates_nothing() {
    String callback = throughProvider("flaky");
    long users = Db.number("SELECT count(*) FROM users");
    long identities =
        Db.number("SELECT count(*) FROM external_identities WHERE provider = 'flaky'");
    OidcCopyServer.stopFlaky();
    try {
      String refused = location(get(bounced(callback)));

      assertThat(refused).contains("/admin/login.xhtml?oidc=OIDC_PROVIDER_UNAVAILABLE");
      assertThat(Db.number("SELECT count(*) FROM external_identities WHERE provider = 'flaky'"))
          .isEqualTo(identities);
      assertThat(Db.number("SELECT count(*) FROM users")).isEqualTo(users);
    } finally {
      OidcCopyServer.restartFlaky();
    }
  }

  @Test
  void an_unknown_provider_goes_back_to_the_sign_in_page_with_a_message() {
    assertThat(location(get(app() + "/admin/oidc/nosuch")))
        .contains("/admin/login.xhtml?oidc=OIDC_PROVIDER_UNKNOWN");
  }
}
