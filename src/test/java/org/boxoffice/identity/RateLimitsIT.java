package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real limits, on a copy of the server with the production defaults (the main test server lifts
 * them, see the pom); only the sign-in failure window is shortened so the test waits seconds, not a
 * minute. The copy also has a bootstrap admin from configuration, and believes X-Forwarded-For as
 * behind the router that sets it.
 */
class RateLimitsIT {
  private static final String ADMIN_EMAIL = "bootstrap-admin@example.test";
  private static final String ADMIN_PASSWORD = "it-only-bootstrap-admin-passphrase";
  private static LibertyServer server;

  @BeforeAll
  static void startCopyWithProductionLimits() {
    Map<String, String> env = new LinkedHashMap<>(LibertyServer.testDatabaseEnv());
    // Long enough that five slow bcrypt checks on a loaded machine all fall inside one window.
    env.put("BOXOFFICE_LOGIN_FAILURES_WINDOW_SECONDS", "30");
    env.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        "file:" + ServerLog.serverDir().resolve("data/jwt/public.pem").toAbsolutePath());
    env.put("BOXOFFICE_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("BOXOFFICE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("BOXOFFICE_TRUST_FORWARDED_FOR", "true");
    env.put("BOXOFFICE_SESSION_LIFETIME_DAYS", "2");
    server = LibertyServer.copyOfMain("ratelimits", LibertyServer.port(11), env);
    server.start().awaitReady(200, Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static ApiResponse login(String email, String password) {
    return server
        .api()
        .post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password));
  }

  private static String register() {
    String email = "limited-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        server
            .api()
            .post(
                "/auth/register",
                "{\"email\": \"%s\", \"password\": \"%s\", \"firstName\": \"R\", \"lastName\": \"L\"}"
                    .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).isEqualTo(201);
    return email;
  }

  @Test
  void
      five_failed_sign_ins_block_the_account_even_for_the_right_password_until_the_window_passes() {
    String email = register();
    for (int i = 0; i < 5; i++) {
      assertThat(login(email, "wrong-password-" + i).errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }
    ApiResponse blocked = login(email, "wrong-password-5");
    assertThat(blocked.status()).isEqualTo(429);
    assertThat(blocked.errorCode()).isEqualTo("RATE_LIMITED");
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 30L);
    ApiResponse rightButBlocked = login(email, Accounts.PASSWORD);
    assertThat(rightButBlocked.status()).isEqualTo(429);
    assertThat(rightButBlocked.header("Retry-After")).isNotNull();

    sleepSeconds(retryAfter + 1);
    assertThat(login(email, Accounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void one_address_gets_60_password_reset_requests_a_minute_then_429() {
    Api api = server.api();
    for (int i = 0; i < 60; i++) {
      ApiResponse accepted =
          api.post("/auth/password-reset", "{\"email\": \"n" + i + "@example.test\"}");
      assertThat(accepted.status()).as("request %d", i).isEqualTo(202);
    }
    ApiResponse limited = api.post("/auth/password-reset", "{\"email\": \"n@example.test\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
  }

  @Test
  void behind_a_trusted_proxy_each_forwarded_address_has_a_limit_of_its_own() {
    for (int i = 0; i < 200; i++) {
      ApiResponse refused = refreshFrom("198.51.100." + i);
      assertThat(refused.status()).as("address %d", i).isEqualTo(401);
    }
    for (int i = 0; i < 60; i++) {
      assertThat(refreshFrom("203.0.113.7").status()).as("request %d", i).isEqualTo(401);
    }
    ApiResponse limited = refreshFrom("203.0.113.7");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(refreshFrom("203.0.113.8").status()).isEqualTo(401);
  }

  private static ApiResponse refreshFrom(String address) {
    return server
        .api()
        .withHeader("X-Forwarded-For", address + ", 10.0.0.1")
        .post("/auth/refresh", "{\"refreshToken\": \"not-a-session\"}");
  }

  @Test
  void a_signed_in_user_gets_100_requests_a_minute_then_429() {
    String email = register();
    String token = login(email, Accounts.PASSWORD).data().getString("accessToken");
    Api api = server.api().as(token);
    for (int i = 0; i < 100; i++) {
      assertThat(api.get("/me").status()).as("request %d", i).isEqualTo(200);
    }
    ApiResponse limited = api.get("/me");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
    assertThat(limited.header("Retry-After")).isNotNull();
  }

  @Test
  void the_refresh_cookie_lives_as_long_as_the_configured_session_lifetime() {
    ApiResponse login = login(register(), Accounts.PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Max-Age=172800"));
  }

  @Test
  void the_bootstrap_admin_from_configuration_exists_and_is_an_admin() {
    ApiResponse login = login(ADMIN_EMAIL, ADMIN_PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.data().getJsonObject("user").getString("role")).isEqualTo("ADMIN");
    String token = login.data().getString("accessToken");
    assertThat(server.api().as(token).get("/audit").status()).isEqualTo(200);
  }

  private static void sleepSeconds(long seconds) {
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
