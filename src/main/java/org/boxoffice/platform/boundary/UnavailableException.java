package org.boxoffice.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * 503: something the request needs is down for a while (the payment gateway's circuit is open, for
 * one). Answered with {@code Retry-After} in whole seconds, rounded up, at least 1, so clients and
 * load balancers back off for as long as it is worth waiting.
 */
public class UnavailableException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public UnavailableException(String code, String message, Duration retryAfter) {
    super(503, code, message);
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The error envelope plus the header that tells the client when to try again. */
  @Provider
  public static class Mapper implements ExceptionMapper<UnavailableException> {
    @Override
    public Response toResponse(UnavailableException e) {
      return Response.fromResponse(ErrorResponses.of(e))
          .header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .build();
    }
  }
}
