package org.boxoffice.admin;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.boxoffice.identity.entity.ExternalIdentityClaims;

/**
 * An identity a provider proved a moment ago, kept in the HTTP session while the account's owner
 * types the authenticator code (two-factor accounts); worth nothing after five minutes.
 */
record ProvedIdentity(ExternalIdentityClaims claims, Instant expiresAt) implements Serializable {
  private static final long serialVersionUID = 1L;
  static final Duration LIFETIME = Duration.ofMinutes(5);

  boolean isValid(Instant now) {
    return now.isBefore(expiresAt);
  }
}
