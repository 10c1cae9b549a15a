package org.boxoffice.platform.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The body of every API response, success or error (see API.md). Exactly one of {@code data} and
 * {@code error} is set.
 */
@JsonbPropertyOrder({"success", "data", "error", "correlationId", "timestamp"})
public record Envelope(
    boolean success, Object data, Error error, String correlationId, Instant timestamp) {

  public static Envelope ok(Object data, String correlationId) {
    return new Envelope(true, data, null, correlationId, Instant.now());
  }

  public static Envelope failure(Error error, String correlationId) {
    return new Envelope(false, null, error, correlationId, Instant.now());
  }

  /** What went wrong: a stable machine code, a human message and optional field details. */
  @JsonbPropertyOrder({"code", "message", "details"})
  public record Error(String code, String message, List<FieldError> details) {}

  /** One refused field and why. */
  public record FieldError(String field, String message) {}
}
