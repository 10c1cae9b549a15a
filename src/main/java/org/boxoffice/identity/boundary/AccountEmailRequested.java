package org.boxoffice.identity.boundary;

import java.time.Instant;

/**
 * Fired synchronously inside the transaction that issues a one-time token (a registration, a
 * password-reset request): the notifications outbox observes it and queues the email in that same
 * transaction, so the email exists exactly when the token does. It carries the token in clear,
 * because the email is the only place it ever goes; observers must never log it.
 */
public record AccountEmailRequested(
    Purpose purpose, long userId, String email, String firstName, String token, Instant expiresAt) {

  /** Which email: each has its own template and link. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
  }

  @Override
  public String toString() {
    // Records print every component; this one holds a credential.
    return "AccountEmailRequested[" + purpose + ", userId=" + userId + "]";
  }
}
