package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document passes an independent linter: Redocly's recommended rules (with the
 * few exceptions of {@code redocly.yaml}, each saying why). The linter's exit code only counts
 * errors, so its summary must also report no warnings; and the issue's own demands (operationId,
 * security, a 4xx answer, described tags) are checked here as well, so that switching a rule off
 * cannot hide them.
 */
class OpenApiLintIT {
  /** Pinned: a new linter release must not change the build's verdict on its own. */
  static final String REDOCLY = "@redocly/cli@2.77.0";

  /** A problem line of the stylish format: {@code 12:5 warning rule-id message}. */
  private static final Pattern PROBLEM =
      Pattern.compile("(?m)^\\s*\\d+:\\d+\\s+(error|warning)\\s");

  /** The summary's count of warnings, which do not change the exit code. */
  private static final Pattern WARNINGS = Pattern.compile("You have \\d+ warnings?");

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @Test
  void the_served_openapi_document_passes_redocly_lint() throws Exception {
    ApiResponse document = Api.server().get("/openapi");
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    assertThat(document.body()).contains("openapi: 3.", "/api/v1/bookings:");
    Path yaml = Path.of("target", "openapi.yaml");
    Files.createDirectories(yaml.getParent());
    Files.writeString(yaml, document.body(), StandardCharsets.UTF_8);

    List<String> command = new ArrayList<>(List.of("npx", "--yes", REDOCLY, "lint"));
    command.addAll(List.of("--config", "redocly.yaml", "--format=stylish"));
    command.addAll(List.of("--max-problems", "1000", yaml.toString()));
    Path output = Files.createTempFile("redocly-lint", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("REDOCLY_TELEMETRY", "off");
    builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    Process lint = builder.start();
    // Generous: the first run on a machine downloads the linter from the npm registry.
    boolean finished = lint.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      lint.destroyForcibly();
    }
    String report = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(finished).as("redocly lint did not finish in 10 minutes:%n%s", report).isTrue();
    assertThat(lint.exitValue()).as("redocly lint failed:%n%s", report).isZero();
    assertThat(report)
        .as("redocly lint must have validated the document, with no warnings:%n%s", report)
        .contains("Woohoo! Your API description is valid.")
        .doesNotContainPattern(PROBLEM)
        .doesNotContainPattern(WARNINGS);
  }

  @Test
  void every_operation_has_an_id_a_security_declaration_and_its_client_errors() {
    JsonObject openapi =
        Api.server().withHeader("Accept", "application/json").get("/openapi").json();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonObject paths = openapi.getJsonObject("paths");
    assertThat(paths.keySet()).hasSizeGreaterThan(30);
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        String name = method.toUpperCase() + " " + path;
        if (!operation.containsKey("operationId")) {
          problems.add(name + ": no operationId");
        } else if (!ids.add(operation.getString("operationId"))) {
          problems.add(name + ": operationId " + operation.getString("operationId") + " twice");
        }
        if (!operation.containsKey("security") && !openapi.containsKey("security")) {
          problems.add(name + ": no security declaration (security: [] when public)");
        }
        Set<String> codes = operation.getJsonObject("responses").keySet();
        if (codes.stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
          problems.add(name + ": no success answer");
        }
        if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
          problems.add(name + ": no 4xx answer");
        }
      }
    }
    for (JsonValue tag : openapi.getJsonArray("tags")) {
      if (tag.asJsonObject().getString("description", "").isBlank()) {
        problems.add("tag " + tag.asJsonObject().getString("name") + ": no description");
      }
    }
    assertThat(problems).isEmpty();
  }
}
