package org.boxoffice.platform.boundary;

import org.boxoffice.platform.entity.DomainException;

/** Error codes the platform itself answers with; features define their own next to them. */
public final class ErrorCodes {
  public static final String VALIDATION_FAILED = DomainException.VALIDATION_FAILED;
  public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  public static final String FORBIDDEN = "FORBIDDEN";
  public static final String NOT_FOUND = "RESOURCE_NOT_FOUND";
  public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
  public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
  public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
  public static final String BAD_REQUEST = "BAD_REQUEST";

  private ErrorCodes() {}
}
