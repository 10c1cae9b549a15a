package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.EnvelopeIT.assertError;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;

/** No input, however malformed, gets a 500, a stack trace, or writes anything. */
class MalformedInputIT {
  private final Api api = Api.server();

  @Test
  void garbage_json_is_400_VALIDATION_FAILED_naming_the_body_and_stores_nothing() {
    for (String garbage :
        new String[] {"{\"email\":", "[1,2]", "not json", "\u0000", "{\"email\": \"a@b.c\",}"}) {
      assertNothingStored(
          () -> {
            ApiResponse response = api.post("/auth/register", garbage);
            assertError(response, 400, "VALIDATION_FAILED");
            assertThat(response.errorFields()).containsExactly("body");
            return response;
          });
    }
  }

  @Test
  void a_wrong_json_type_is_400_naming_the_field() {
    ApiResponse response =
        api.post("/auth/register", "{\"email\": {\"nested\": true}, \"password\": [1]}");

    assertError(response, 400, "VALIDATION_FAILED");
    assertThat(response.errorFields()).containsAnyOf("email", "password");
  }

  @Test
  void missing_and_out_of_range_fields_are_400_with_one_detail_per_field() {
    String email = "x-" + UUID.randomUUID() + "@example.test";
    ApiResponse response =
        api.post(
            "/auth/register",
            """
            {"email": "%s", "password": "short", "firstName": "%s", "accountType": "KING"}
            """
                .formatted(email, "n".repeat(101)));

    assertError(response, 400, "VALIDATION_FAILED");
    assertThat(response.errorFields()).contains("firstName", "lastName", "accountType");
    assertThat(Db.number("select count(*) from users where email_lower = ?", email)).isZero();
  }

  @Test
  void a_weak_password_is_400_on_the_password_field_and_stores_nothing() {
    String email = "weak-" + UUID.randomUUID() + "@example.test";
    for (String weak : new String[] {"short", "password123", "1234567890"}) {
      ApiResponse response =
          api.post(
              "/auth/register",
              """
              {"email": "%s", "password": "%s", "firstName": "A", "lastName": "B"}
              """
                  .formatted(email, weak));

      assertError(response, 400, "VALIDATION_FAILED");
      assertThat(response.errorFields()).containsExactly("password");
    }
    assertThat(Db.number("select count(*) from users where email_lower = ?", email)).isZero();
  }

  @Test
  void a_body_over_the_limit_is_413_whether_announced_or_streamed() {
    String huge = "{\"email\": \"" + "a".repeat(2_000_000) + "\"}";

    assertError(api.post("/auth/register", huge), 413, "PAYLOAD_TOO_LARGE");

    HttpRequest chunked =
        HttpRequest.newBuilder(api.resolve("/auth/register"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(huge)))
            .build();
    assertError(api.send(chunked), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void path_traversal_never_reaches_a_file_and_answers_a_4xx_envelope() {
    for (String path :
        new String[] {
          "/api/v1/%2e%2e/%2e%2e/etc/passwd",
          "/api/v1/..%2f..%2fetc%2fpasswd",
          "/api/v1/events/%2e%2e%2f%2e%2e%2fWEB-INF%2fweb.xml",
          "/WEB-INF/web.xml",
          "/META-INF/MANIFEST.MF"
        }) {
      ApiResponse response = rawGet(path);

      assertThat(response.status()).as(path + " -> " + response).isBetween(400, 499);
      assertThat(response.body()).doesNotContain("root:").doesNotContain("<web-app");
      assertThat(response.json().getBoolean("success")).isFalse();
    }
  }

  private ApiResponse rawGet(String rawPath) {
    return api.send(
        HttpRequest.newBuilder(Api.baseUri().resolve(rawPath))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  private static void assertNothingStored(Supplier<ApiResponse> action) {
    long before = Db.number("select count(*) from users");
    action.get();
    assertThat(Db.number("select count(*) from users")).isEqualTo(before);
  }
}
