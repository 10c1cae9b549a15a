package org.boxoffice.platform.boundary;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/**
 * A refusal whose HTTP status the boundary chooses itself, for what the domain has no word for: a
 * 429 or 503 with {@code Retry-After}, a stored answer replayed with its own status. Entities and
 * controls throw a {@link DomainException} instead. It is a domain exception all the same (its kind
 * the nearest to its status), so whoever handles refusals handles this one too; the mapper answers
 * its own status.
 */
public class ApiException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(int status, String code, String message, List<Envelope.FieldError> details) {
    super(
        kindOf(status),
        code,
        message,
        details.stream().map(d -> new FieldDetail(d.field(), d.message())).toList());
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static Kind kindOf(int status) {
    return switch (status) {
      case 400 -> Kind.INVALID;
      case 401 -> Kind.UNAUTHENTICATED;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      default -> status >= 500 ? Kind.UNAVAILABLE : Kind.REFUSED;
    };
  }
}
