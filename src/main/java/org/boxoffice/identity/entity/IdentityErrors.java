package org.boxoffice.identity.entity;

/** The error codes the identity feature answers with. */
public final class IdentityErrors {
  public static final String EMAIL_TAKEN = "EMAIL_TAKEN";
  public static final String AUTH_UNAVAILABLE = "AUTH_UNAVAILABLE";
  public static final String TOTP_UNAVAILABLE = "TOTP_UNAVAILABLE";
  public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
  public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
  public static final String TOTP_REQUIRED = "TOTP_REQUIRED";
  public static final String INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN";
  public static final String REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED";
  public static final String REFRESH_TOKEN_USED = "REFRESH_TOKEN_USED";
  public static final String SESSION_ENDED = "SESSION_ENDED";
  public static final String TOTP_ALREADY_ENABLED = "TOTP_ALREADY_ENABLED";
  public static final String TOTP_NOT_ENROLLED = "TOTP_NOT_ENROLLED";
  public static final String TOTP_NOT_ENABLED = "TOTP_NOT_ENABLED";
  public static final String TOTP_ENROLLMENT_REQUIRED = "TOTP_ENROLLMENT_REQUIRED";
  public static final String RECOVERY_CODE_USED = "RECOVERY_CODE_USED";

  private IdentityErrors() {}
}
