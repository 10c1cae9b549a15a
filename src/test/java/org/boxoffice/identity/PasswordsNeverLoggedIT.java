package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

class PasswordsNeverLoggedIT {
  @Test
  void passwords_appear_in_no_log_line_and_no_response() {
    String marker = "Marker-Passw0rd-" + UUID.randomUUID();
    String email = "marker-" + UUID.randomUUID() + "@example.test";
    Api api = Api.server();
    ApiResponse registered =
        api.post(
            "/auth/register",
            """
            {"email": "%s", "password": "%s", "firstName": "M", "lastName": "K"}
            """
                .formatted(email, marker));
    ApiResponse login =
        api.post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, marker));
    ApiResponse wrong =
        api.post(
            "/auth/login", "{\"email\": \"%s\", \"password\": \"%s-no\"}".formatted(email, marker));
    ApiResponse weak =
        api.post(
            "/auth/register",
            "{\"email\": \"x%s\", \"password\": \"%s\", \"firstName\": \"M\", \"lastName\": \"K\"}"
                .formatted(email, "short-" + marker.substring(0, 2)));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(login.status()).isEqualTo(200);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(weak.status()).isEqualTo(400);
    for (ApiResponse response : new ApiResponse[] {registered, login, wrong}) {
      assertThat(response.body()).doesNotContain(marker);
    }
    assertThat(ServerLog.messages()).doesNotContain(marker).doesNotContain(marker + "-no");
  }
}
