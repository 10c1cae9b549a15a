package org.boxoffice.identity.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** bcrypt hashing. The cost is configurable so it can follow hardware; 12 is the default. */
@ApplicationScoped
public class PasswordHasher {
  /**
   * A hash of a random password, checked when an unknown email signs in so that a missing account
   * costs the same time as a wrong password (no account enumeration by timing).
   */
  private static final String DUMMY_HASH =
      BCrypt.withDefaults().hashToString(12, "not-a-real-password-0000".toCharArray());

  private final int cost;

  @Inject
  public PasswordHasher(@ConfigProperties IdentitySettings settings) {
    this.cost = settings.bcryptCost;
  }

  protected PasswordHasher() {
    this.cost = 12;
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.US_ASCII))
        .verified;
  }

  /** Spends the time of one verification without an account to check against. */
  public void burnVerification(String password) {
    matches(password, DUMMY_HASH);
  }
}
