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
  public static final String OIDC_PROVIDER_UNKNOWN = "OIDC_PROVIDER_UNKNOWN";
  public static final String OIDC_PROVIDER_UNAVAILABLE = "OIDC_PROVIDER_UNAVAILABLE";
  public static final String OIDC_TOKEN_INVALID = "OIDC_TOKEN_INVALID";
  public static final String OIDC_TOKEN_REPLAYED = "OIDC_TOKEN_REPLAYED";
  public static final String OIDC_CODE_INVALID = "OIDC_CODE_INVALID";
  public static final String OIDC_STATE_INVALID = "OIDC_STATE_INVALID";
  public static final String OIDC_EMAIL_REQUIRED = "OIDC_EMAIL_REQUIRED";
  public static final String OIDC_EMAIL_DOMAIN_REFUSED = "OIDC_EMAIL_DOMAIN_REFUSED";
  public static final String OIDC_LINK_REQUIRED = "OIDC_LINK_REQUIRED";
  public static final String OIDC_IDENTITY_TAKEN = "OIDC_IDENTITY_TAKEN";
  public static final String OIDC_ALREADY_LINKED = "OIDC_ALREADY_LINKED";
  public static final String OIDC_IDENTITY_NOT_LINKED = "OIDC_IDENTITY_NOT_LINKED";
  public static final String LAST_SIGN_IN_METHOD = "LAST_SIGN_IN_METHOD";
  public static final String PASSWORD_NOT_SET = "PASSWORD_NOT_SET";
  public static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";

  private IdentityErrors() {}
}
