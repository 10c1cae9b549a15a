package org.boxoffice.platform.boundary;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.control.BodyTooLargeException;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;

/**
 * Turns any failure into the error envelope of API.md. A domain refusal becomes the status of its
 * kind with its code, message and details; other client mistakes become 4xx with details; an
 * unreachable database becomes 503; anything else is logged once and answered 500 with no internals
 * in the body.
 */
public final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  /**
   * Retry-After of a 503 DATABASE_UNAVAILABLE: a few seconds, about how long the connection pool
   * and readiness take to notice a database that came back.
   */
  static final String DATABASE_RETRY_AFTER_SECONDS = "5";

  private ErrorResponses() {}

  static Response of(int status, String code, String message, List<Envelope.FieldError> details) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(
            Envelope.failure(new Envelope.Error(code, message, details), CorrelationId.current()))
        .build();
  }

  static Response of(DomainException e) {
    Envelope.Error error = errorOf(e);
    return of(statusOf(e), error.code(), error.message(), error.details());
  }

  /**
   * The HTTP status a domain refusal is answered with: its kind's, or the status an {@link
   * ApiException} chose itself.
   */
  public static int statusOf(DomainException e) {
    if (e instanceof ApiException api) {
      return api.status();
    }
    return switch (e.kind()) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case REFUSED -> 422;
      case UNAVAILABLE -> 503;
    };
  }

  /** The envelope's error for a domain refusal: its code, message and field details. */
  public static Envelope.Error errorOf(DomainException e) {
    return new Envelope.Error(
        e.code(),
        e.getMessage(),
        e.details().stream().map(d -> new Envelope.FieldError(d.field(), d.message())).toList());
  }

  static Response of(Throwable failure) {
    if (failure instanceof DomainException refusal) {
      return of(refusal);
    }
    if (Failures.find(failure, BodyTooLargeException.class).isPresent()) {
      return of(413, ErrorCodes.PAYLOAD_TOO_LARGE, "The request body is too large", List.of());
    }
    if (Failures.isMalformedJson(failure)) {
      String field = Failures.jsonProperty(failure).orElse("body");
      String message =
          field.equals("body") ? "is not valid JSON for this request" : "has the wrong type";
      LOG.fine(() -> "refused malformed JSON: " + failure);
      return of(
          400,
          ErrorCodes.VALIDATION_FAILED,
          "The request body could not be read",
          List.of(new Envelope.FieldError(field, message)));
    }
    if (failure instanceof WebApplicationException web) {
      return ofWebApplication(web);
    }
    if (Failures.isDatabaseUnreachable(failure)) {
      LOG.log(Level.WARNING, "database unreachable: {0}", String.valueOf(failure));
      return Response.fromResponse(
              of(
                  503,
                  ErrorCodes.DATABASE_UNAVAILABLE,
                  "The database is unavailable; try again shortly",
                  List.of()))
          .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "unexpected failure answered with 500", failure);
    return of(500, ErrorCodes.INTERNAL_ERROR, "Something went wrong on our side", List.of());
  }

  private static Response ofWebApplication(WebApplicationException web) {
    int status = web.getResponse().getStatus();
    if (web instanceof NotFoundException) {
      return of(404, ErrorCodes.NOT_FOUND, "No such resource", List.of());
    }
    if (web instanceof NotAllowedException) {
      Response response =
          of(405, ErrorCodes.METHOD_NOT_ALLOWED, "Method not allowed here", List.of());
      String allow = web.getResponse().getHeaderString("Allow");
      return allow == null
          ? response
          : Response.fromResponse(response).header("Allow", allow).build();
    }
    if (web instanceof NotSupportedException) {
      return of(
          415,
          ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as application/json",
          List.of(new Envelope.FieldError("Content-Type", "must be application/json")));
    }
    if (web instanceof NotAcceptableException) {
      return of(406, ErrorCodes.NOT_ACCEPTABLE, "Cannot produce the requested type", List.of());
    }
    if (web instanceof NotAuthorizedException || status == 401) {
      return of(401, ErrorCodes.UNAUTHENTICATED, "Authentication required", List.of());
    }
    if (status == 403) {
      return of(403, ErrorCodes.FORBIDDEN, "Not allowed", List.of());
    }
    if (status >= 500) {
      LOG.log(Level.SEVERE, "web application failure answered with " + status, web);
      return of(status, ErrorCodes.INTERNAL_ERROR, "Something went wrong on our side", List.of());
    }
    return of(status, ErrorCodes.BAD_REQUEST, "The request could not be processed", List.of());
  }
}
