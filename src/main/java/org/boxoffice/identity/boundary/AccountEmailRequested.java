package org.boxoffice.identity.boundary;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction that issues a one-time token (a registration, a
 * password-reset request): the notifications outbox observes it and queues the email in that same
 * transaction, so the email exists exactly when the token does. {@code locale}: the account's
 * language, the one the email is written in. It carries the token in clear, because the email is
 * the only place it ever goes; observers must never log it.
 */
public record AccountEmailRequested(
    Purpose purpose,
    long userId,
    String email,
    String firstName,
    String token,
    Instant expiresAt,
    String newEmail,
    String locale) {

  /** Which email: each has its own template and link. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    /** To the new address of an email change, with the token that confirms it. */
    CHANGE_EMAIL,
    /** To the old address of an email change: no token, only what is happening. */
    EMAIL_CHANGE_NOTICE
  }

  @Override
  public String toString() {
    // Records print every component; this one holds a credential.
    return "AccountEmailRequested[" + purpose + ", userId=" + userId + "]";
  }
}
