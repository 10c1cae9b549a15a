package org.boxoffice.admin;

import jakarta.enterprise.context.RequestScoped;
import org.boxoffice.identity.boundary.UserView;

/**
 * What {@link AdminIdentityStore} found for this request's sign-in attempt, for the sign-in page:
 * Jakarta Security only says valid or invalid, the organizer needs to know why (wrong password,
 * throttled, code needed, not an organizer).
 */
@RequestScoped
class SignInAttempt {
  private UserView user;
  private String refusal;
  private boolean totpRequired;

  void succeeded(UserView user) {
    this.user = user;
  }

  void refused(String message, boolean totpRequired) {
    this.refusal = message;
    this.totpRequired = totpRequired;
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
