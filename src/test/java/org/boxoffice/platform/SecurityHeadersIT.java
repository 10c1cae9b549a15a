package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

/** Security headers on every answer of the app, and CORS only for the configured origins. */
class SecurityHeadersIT {
  /** The origin the build configures for its test server (see pom.xml). */
  private static final String ALLOWED_ORIGIN = "https://app.boxoffice.test";

  private final Api api = Api.server();

  @Test
  void success_and_error_answers_carry_the_security_headers() {
    for (ApiResponse response :
        new ApiResponse[] {
          api.post("/auth/login", "{\"email\": \"nobody@example.test\", \"password\": \"x\"}"),
          api.get("/no-such-thing"),
          api.get("/me"),
          api.post("/auth/register", "{")
        }) {
      assertThat(response.header("Content-Security-Policy"))
          .as(response.toString())
          .contains("default-src 'self'")
          .contains("frame-ancestors 'none'")
          .contains("object-src 'none'");
      assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
      assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.header("Server")).isNull();
    }
  }

  @Test
  void a_preflight_from_an_allowed_origin_is_answered_with_cors_headers() {
    ApiResponse preflight = preflight(ALLOWED_ORIGIN);

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

    ApiResponse simple = api.withHeader("Origin", ALLOWED_ORIGIN).get("/no-such-thing");
    assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    assertThat(simple.header("Access-Control-Expose-Headers")).contains("X-Correlation-ID");
  }

  @Test
  void a_preflight_from_another_origin_is_refused_without_cors_headers() {
    ApiResponse preflight = preflight("https://evil.example");

    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.json().getJsonObject("error").getString("code")).isEqualTo("FORBIDDEN");

    ApiResponse simple = api.withHeader("Origin", "https://evil.example").get("/no-such-thing");
    assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
  }

  private ApiResponse preflight(String origin) {
    return api.send(
        HttpRequest.newBuilder(api.resolve("/auth/login"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .build());
  }
}
