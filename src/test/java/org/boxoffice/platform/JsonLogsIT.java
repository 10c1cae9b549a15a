package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Api;
import org.junit.jupiter.api.Test;

/** The server logs JSON lines, and a line written while serving a request carries its id. */
class JsonLogsIT {

  @Test
  void a_log_line_written_during_a_request_carries_its_correlation_id() throws IOException {
    String correlationId = "log-check-" + UUID.randomUUID();
    String email = "log-" + UUID.randomUUID() + "@example.test";

    // Registration queues a verification email, logged in dev mode with the address.
    Api.server()
        .withHeader("X-Correlation-ID", correlationId)
        .post(
            "/auth/register",
            """
            {"email": "%s", "password": "%s", "firstName": "Log", "lastName": "Check"}
            """
                .formatted(email, Accounts.PASSWORD));

    Path log =
        Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
            .resolve("usr/servers")
            .resolve(System.getProperty("it.server.name", "boxoffice"))
            .resolve("logs/messages.log");
    JsonObject line =
        Files.readAllLines(log).stream()
            .filter(text -> text.startsWith("{") && text.contains(email))
            .map(Api::parse)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSON log line names " + email));
    assertThat(line.getString("ext_correlationId")).isEqualTo(correlationId);
    assertThat(line.getString("type")).isEqualTo("liberty_message");
    assertThat(line.getString("ibm_datetime")).isNotBlank();
  }
}
