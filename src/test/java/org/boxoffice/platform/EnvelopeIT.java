package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

/** Every answer of the API, success or error, is the envelope of API.md with a correlation id. */
class EnvelopeIT {
  private final Api api = Api.server();

  @Test
  void a_success_is_wrapped_in_the_envelope_with_the_callers_correlation_id() {
    Accounts.User user = Accounts.attendee();

    ApiResponse me = user.api().withHeader("X-Correlation-ID", "mobile-app.42_x").get("/me");

    assertThat(me.status()).isEqualTo(200);
    JsonObject body = me.json();
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getJsonObject("data").getString("email")).isEqualTo(user.email());
    assertThat(body.containsKey("error")).isFalse();
    assertThat(body.getString("correlationId")).isEqualTo("mobile-app.42_x");
    assertThat(me.header("X-Correlation-ID")).isEqualTo("mobile-app.42_x");
    assertThat(OffsetDateTime.parse(body.getString("timestamp"))).isNotNull();
  }

  @Test
  void a_missing_correlation_id_is_generated_and_echoed() {
    ApiResponse response = api.get("/no-such-thing");

    String id = response.header("X-Correlation-ID");
    assertThat(id).matches("[A-Za-z0-9._-]{1,64}");
    assertThat(response.json().getString("correlationId")).isEqualTo(id);
  }

  @Test
  void a_hostile_or_overlong_correlation_id_is_replaced_never_echoed() {
    for (String hostile :
        new String[] {"x".repeat(65), "<script>alert(1)</script>", "a b", "id;rm -rf", "é"}) {
      ApiResponse response = api.withHeader("X-Correlation-ID", hostile).get("/no-such-thing");

      assertThat(response.header("X-Correlation-ID")).isNotEqualTo(hostile).startsWith("req-");
      assertThat(response.json().getString("correlationId"))
          .isEqualTo(response.header("X-Correlation-ID"));
      assertThat(response.body()).doesNotContain(hostile);
    }
  }

  @Test
  void an_unknown_path_is_404_RESOURCE_NOT_FOUND_in_the_envelope() {
    assertError(api.get("/no-such-thing"), 404, "RESOURCE_NOT_FOUND");
    assertError(api.get("/auth/register/extra/segments"), 404, "RESOURCE_NOT_FOUND");
  }

  @Test
  void a_wrong_method_is_405_with_allow() {
    ApiResponse response = api.delete("/auth/login");

    assertError(response, 405, "METHOD_NOT_ALLOWED");
    assertThat(response.header("Allow")).contains("POST");
  }

  @Test
  void a_wrong_content_type_is_415() {
    ApiResponse response = api.send("POST", "/auth/login", "email=a", "text/plain");

    assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(response.errorFields()).containsExactly("Content-Type");
  }

  @Test
  void a_missing_token_is_401_UNAUTHENTICATED_in_the_envelope() {
    assertError(api.get("/me"), 401, "UNAUTHENTICATED");
    assertError(api.as("not-a-jwt").get("/me"), 401, "UNAUTHENTICATED");
  }

  @Test
  void a_state_conflict_is_409_with_its_code() {
    Accounts.User user = Accounts.attendee();

    ApiResponse again =
        api.post(
            "/auth/register",
            """
            {"email": "%s", "password": "another-long-password", "firstName": "A",
             "lastName": "B"}
            """
                .formatted(user.email().toUpperCase()));

    assertError(again, 409, "EMAIL_TAKEN");
  }

  static void assertError(ApiResponse response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonObject body = response.json();
    assertThat(body.getBoolean("success")).isFalse();
    assertThat(body.containsKey("data")).isFalse();
    assertThat(body.getJsonObject("error").getString("code")).isEqualTo(code);
    assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
    assertThat(body.getString("correlationId")).isEqualTo(response.header("X-Correlation-ID"));
    assertThat(body.getString("timestamp")).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
