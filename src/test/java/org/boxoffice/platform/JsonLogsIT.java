package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.boxoffice.it.support.Api;
import org.junit.jupiter.api.Test;

/** The server logs JSON lines, and a line written while serving a request carries its id. */
class JsonLogsIT {

  @Test
  void a_log_line_written_during_a_request_carries_its_correlation_id() throws IOException {
    String correlationId = "log-check-" + UUID.randomUUID();

    // This server runs the sandbox gateway: a Stripe webhook is refused with a logged warning.
    Api.server()
        .withHeader("X-Correlation-ID", correlationId)
        .withHeader("Stripe-Signature", "t=1,v1=00")
        .post("/payments/stripe/webhook", "{}");

    Path log =
        Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
            .resolve("usr/servers")
            .resolve(System.getProperty("it.server.name", "boxoffice"))
            .resolve("logs/messages.log");
    JsonObject line =
        Files.readAllLines(log).stream()
            .filter(text -> text.startsWith("{") && text.contains(correlationId))
            .map(Api::parse)
            .filter(json -> json.getString("message", "").contains("Stripe webhook refused"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSON log line carries " + correlationId));
    assertThat(line.getString("ext_correlationId")).isEqualTo(correlationId);
    assertThat(line.getString("type")).isEqualTo("liberty_message");
    assertThat(line.getString("ibm_datetime")).isNotBlank();
  }
}
