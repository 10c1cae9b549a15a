package org.boxoffice.admin;

import jakarta.enterprise.context.RequestScoped;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.identity.entity.ExternalIdentityClaims;

/**
 * What {@link AdminIdentityStore} found for this request's sign-in attempt, for the sign-in page:
 * Jakarta Security only says valid or invalid, the organizer needs to know why (wrong password,
 * throttled, code needed, not an organizer).
 */
@RequestScoped
class SignInAttempt {
  private UserView user;
  private String refusal;
  private String refusalCode;
  private boolean totpRequired;
  private ExternalIdentityClaims awaitingSecondFactor;

  void succeeded(UserView user) {
    this.user = user;
  }

  void refused(String message, boolean totpRequired) {
    this.refusal = message;
    this.totpRequired = totpRequired;
  }

  /** The refusal's error code, for the provider sign-in (whose page shows a message per code). */
  void refused(String code, String message, boolean totpRequired) {
    refused(message, totpRequired);
    this.refusalCode = code;
  }

  String refusalCode() {
    return refusalCode;
  }

  /** A provider proved who this is, and the account needs its authenticator code too. */
  void awaitingSecondFactor(ExternalIdentityClaims proved) {
    this.awaitingSecondFactor = proved;
  }

  ExternalIdentityClaims awaitingSecondFactor() {
    return awaitingSecondFactor;
  }

  UserView user() {
    return user;
  }

  String refusal() {
    return refusal;
  }

  boolean totpRequired() {
    return totpRequired;
  }
}
