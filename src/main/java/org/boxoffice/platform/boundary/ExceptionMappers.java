package org.boxoffice.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.boxoffice.platform.entity.DomainException;

/** The exception mappers: thin adapters over {@link ErrorResponses}. */
public final class ExceptionMappers {
  private ExceptionMappers() {}

  /** Refusals thrown by features: the status of their kind, their code, message and details. */
  @Provider
  public static class DomainExceptions implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return ErrorResponses.of(e);
    }
  }

  /** Bean Validation on resource parameters and DTOs: 400 with one detail per field. */
  @Provider
  public static class ConstraintViolations
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Envelope.FieldError> details =
          e.getConstraintViolations().stream()
              .map(v -> new Envelope.FieldError(fieldOf(v), v.getMessage()))
              .sorted(Comparator.comparing(Envelope.FieldError::field))
              .toList();
      return ErrorResponses.of(
          400, ErrorCodes.VALIDATION_FAILED, "The request is invalid", details);
    }

    /**
     * The client-facing name: the property path without its method and parameter prefix, e.g.
     * {@code create.request.ticketTypes[0].name} becomes {@code ticketTypes[0].name}, and a
     * constrained query parameter keeps its own name.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
      String parameter = null;
      int prefix = 0;
      for (Path.Node node : violation.getPropertyPath()) {
        ElementKind kind = node.getKind();
        if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
          prefix += node.getName().length() + 1;
        } else if (kind == ElementKind.PARAMETER) {
          parameter = node.getName();
          prefix += parameter.length() + 1;
        }
      }
      String path = violation.getPropertyPath().toString();
      if (prefix < path.length()) {
        return path.substring(prefix);
      }
      return parameter != null ? parameter : "body";
    }
  }

  /** Everything else, including JAX-RS's own 404/405/415 and JSON binding failures. */
  @Provider
  public static class Everything implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return ErrorResponses.of(e);
    }
  }
}
