package org.boxoffice.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 RATE_LIMITED, answered with {@code Retry-After} (whole seconds, rounded up). */
public class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RateLimitedException(String message, long retryAfterMillis) {
    super(429, ErrorCodes.RATE_LIMITED, message);
    this.retryAfterSeconds = Math.max(1, (retryAfterMillis + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The error envelope plus the header that tells the client when to try again. */
  @Provider
  public static class Mapper implements ExceptionMapper<RateLimitedException> {
    @Override
    public Response toResponse(RateLimitedException e) {
      return Response.fromResponse(ErrorResponses.of(e))
          .header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .build();
    }
  }
}
