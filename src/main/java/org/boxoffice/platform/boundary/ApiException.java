package org.boxoffice.platform.boundary;

import java.util.List;

/**
 * A refusal the client can act on: it carries the HTTP status, a stable code and, where a field is
 * to blame, field details. Features throw it (or a subclass) from entities and boundaries; {@link
 * ApiExceptionMapper} turns it into an error envelope.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<Envelope.FieldError> details;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(int status, String code, String message, List<Envelope.FieldError> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message);
  }

  public static ApiException unprocessable(String code, String message) {
    return new ApiException(422, code, message);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        400,
        ErrorCodes.VALIDATION_FAILED,
        "The request is invalid",
        List.of(new Envelope.FieldError(field, message)));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Envelope.FieldError> details() {
    return details;
  }
}
