package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

class SessionsIT {
  private final Api api = Api.server();

  private String register() {
    String email = "session-" + UUID.randomUUID() + "@example.test";
    ApiResponse registered =
        api.post(
            "/auth/register",
            """
            {"email": "%s", "password": "%s", "firstName": "Sam", "lastName": "Session"}
            """
                .formatted(email, Accounts.PASSWORD));
    assertThat(registered.status()).isEqualTo(201);
    return email;
  }

  private ApiResponse login(String email) {
    return api.post(
        "/auth/login",
        """
        {"email": "%s", "password": "%s"}
        """
            .formatted(email, Accounts.PASSWORD));
  }

  private ApiResponse refresh(String refreshToken) {
    return api.post("/auth/refresh", "{\"refreshToken\": \"" + refreshToken + "\"}");
  }

  @Test
  void register_login_refresh_replay_revokes_the_whole_session_then_logout() {
    String email = register();
    ApiResponse login = login(email);
    assertThat(login.status()).isEqualTo(200);
    String access1 = login.data().getString("accessToken");
    String refresh1 = login.data().getString("refreshToken");
    assertThat(refresh1).matches("[A-Za-z0-9_-]{43}");
    assertThat(login.data().getString("tokenType")).isEqualTo("Bearer");
    assertThat(login.header("Set-Cookie"))
        .contains("refresh_token=" + refresh1)
        .contains("HttpOnly")
        .contains("Secure")
        .contains("SameSite=Strict")
        .contains("Path=/api/v1/auth")
        .contains("Max-Age=604800");
    long userId = login.data().getJsonObject("user").getJsonNumber("id").longValue();
    var session = Db.query("SELECT * FROM sessions WHERE user_id = ?", userId).get(0);
    assertThat(session.get("refresh_token_hash")).isNotEqualTo(refresh1).asString().hasSize(64);
    assertThat(session.get("revoked_at")).isNull();

    ApiResponse rotated = refresh(refresh1);
    assertThat(rotated.status()).isEqualTo(200);
    String access2 = rotated.data().getString("accessToken");
    String refresh2 = rotated.data().getString("refreshToken");
    assertThat(refresh2).isNotEqualTo(refresh1);
    assertThat(api.as(access2).get("/me").status()).isEqualTo(200);
    assertThat(Db.number("SELECT rotated_count FROM sessions WHERE user_id = ?", userId))
        .isEqualTo(1);

    ApiResponse replay = refresh(refresh1);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");
    assertThat(
            Db.query("SELECT revoked_reason FROM sessions WHERE user_id = ?", userId)
                .get(0)
                .get("revoked_reason"))
        .isEqualTo("REFRESH_REPLAY");
    assertThat(refresh(refresh2).status()).isEqualTo(401);
    assertThat(api.as(access1).get("/me").status()).isEqualTo(401);
    assertThat(api.as(access2).get("/me").errorCode()).isEqualTo("UNAUTHENTICATED");
    assertThat(
            Db.number(
                "SELECT count(*) FROM audit_log WHERE action = 'auth.refresh.replay' AND actor_id = ?",
                userId))
        .isEqualTo(1);

    ApiResponse again = login(email);
    String access3 = again.data().getString("accessToken");
    String refresh3 = again.data().getString("refreshToken");
    ApiResponse logout = api.as(access3).post("/auth/logout", null);
    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie")).contains("refresh_token=").contains("Max-Age=0");
    assertThat(api.as(access3).get("/me").status()).isEqualTo(401);
    assertThat(refresh(refresh3).status()).isEqualTo(401);
    assertThat(
            Db.number(
                "SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_reason = 'LOGOUT'",
                userId))
        .isEqualTo(1);
  }

  @Test
  void the_refresh_cookie_alone_rotates_the_tokens() {
    ApiResponse login = login(register());
    String refreshToken = login.data().getString("refreshToken");
    ApiResponse rotated =
        api.send(
            HttpRequest.newBuilder(URI.create(api.resolve("/auth/refresh").toString()))
                .header("Cookie", "refresh_token=" + refreshToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.data().getString("refreshToken")).isNotEqualTo(refreshToken);
  }

  @Test
  void logout_all_ends_every_session_of_the_user() {
    String email = register();
    String first = login(email).data().getString("accessToken");
    ApiResponse second = login(email);
    String secondAccess = second.data().getString("accessToken");
    assertThat(api.as(first).post("/auth/logout-all", null).status()).isEqualTo(204);
    assertThat(api.as(first).get("/me").status()).isEqualTo(401);
    assertThat(api.as(secondAccess).get("/me").status()).isEqualTo(401);
    assertThat(refresh(second.data().getString("refreshToken")).status()).isEqualTo(401);
  }

  @Test
  void refresh_without_a_token_is_refused_with_the_field_named() {
    long before = Db.number("SELECT count(*) FROM refresh_tokens");
    ApiResponse none = api.post("/auth/refresh", "{}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.errorFields()).containsExactly("refreshToken");
    ApiResponse tooLong =
        api.post("/auth/refresh", "{\"refreshToken\": \"" + "x".repeat(200) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorFields()).containsExactly("refreshToken");
    ApiResponse wrongType = api.post("/auth/refresh", "{\"refreshToken\": [1]}");
    assertThat(wrongType.status()).isEqualTo(400);
    ApiResponse unknown = refresh("not-a-token-we-ever-issued");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
    assertThat(Db.number("SELECT count(*) FROM refresh_tokens")).isEqualTo(before);
  }

  @Test
  void logout_needs_a_signed_in_caller() {
    ApiResponse anonymous = api.post("/auth/logout", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
  }
}
