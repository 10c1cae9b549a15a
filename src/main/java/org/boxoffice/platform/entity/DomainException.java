package org.boxoffice.platform.entity;

import java.util.List;

/**
 * A refusal the client can act on, in the domain's own terms: a stable code, a human message, the
 * fields to blame if any, and what {@link Kind} of refusal it is. It knows nothing of HTTP; the
 * platform's one exception mapper turns the kind into a status. Unchecked, so a transactional
 * boundary rolls back on it as on any runtime exception.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The code of a request refused for its fields ({@link Kind#INVALID}). */
  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

  /** What kind of refusal it is, whatever the feature. */
  public enum Kind {
    /** The request itself is wrong, usually in the fields named by the details. */
    INVALID,
    /** The caller must prove again who they are (a session ended, a second factor is missing). */
    UNAUTHENTICATED,
    /** The thing asked for does not exist, or not for this caller. */
    NOT_FOUND,
    /** The thing is not in a state that allows it (sold out, already paid, a concurrent edit). */
    CONFLICT,
    /** A business rule refuses the request as it stands (an expired coupon, a refund too large). */
    REFUSED,
    /** Something the request needs is down for a while; trying again later may work. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final transient List<FieldDetail> details;

  public DomainException(Kind kind, String code, String message) {
    this(kind, code, message, List.of());
  }

  public DomainException(Kind kind, String code, String message, List<FieldDetail> details) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.details = List.copyOf(details);
  }

  public static DomainException notFound(String code, String message) {
    return new DomainException(Kind.NOT_FOUND, code, message);
  }

  public static DomainException conflict(String code, String message) {
    return new DomainException(Kind.CONFLICT, code, message);
  }

  public static DomainException refused(String code, String message) {
    return new DomainException(Kind.REFUSED, code, message);
  }

  public static DomainException unauthenticated(String code, String message) {
    return new DomainException(Kind.UNAUTHENTICATED, code, message);
  }

  /** {@code VALIDATION_FAILED}, "The request is invalid", with one detail for the field. */
  public static DomainException invalid(String field, String message) {
    return new DomainException(
        Kind.INVALID,
        VALIDATION_FAILED,
        "The request is invalid",
        List.of(new FieldDetail(field, message)));
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<FieldDetail> details() {
    return details;
  }
}
