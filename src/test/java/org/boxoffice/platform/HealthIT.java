package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

class HealthIT {
  private final Api api = Api.server();

  @Test
  void liveness_and_startup_are_up() {
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    assertThat(api.get("/health/started").status()).isEqualTo(200);
  }

  @Test
  void readiness_is_up_with_a_migrated_schema_and_a_database_round_trip() {
    ApiResponse ready = api.get("/health/ready");

    assertThat(ready.status()).isEqualTo(200);
    JsonObject database =
        ready.json().getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("schema")).isEqualTo("migrated");
  }

  @Test
  void metrics_are_served_as_prometheus_text() {
    ApiResponse metrics = api.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body()).contains("# TYPE");
  }

  @Test
  void the_openapi_document_describes_the_api_and_its_ui_renders() {
    ApiResponse document = api.withHeader("Accept", "application/json").get("/openapi");
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().getJsonObject("paths").keySet())
        .contains("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/me");

    ApiResponse ui = api.get("/openapi/ui/");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("<html");
  }
}
