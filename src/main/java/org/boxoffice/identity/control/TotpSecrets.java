package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.control.KeyFiles;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Encrypts TOTP secrets at rest (AES-256-GCM, bound to the account id). The key comes from {@code
 * TOTP_ENCRYPTION_KEY} (base64 of 32 random bytes); with none configured in dev a key is generated
 * at first start in {@code <data dir>/totp/dev-key} by {@link KeyFiles} and a warning logged. In
 * production a missing or unusable key keeps the server not ready, like missing JWT keys. Rows
 * written before secrets were encrypted are read in clear and sealed at their next use.
 */
@ApplicationScoped
public class TotpSecrets {
  private static final Logger LOG = Logger.getLogger(TotpSecrets.class.getName());

  @Inject KeyFiles keyFiles;
  @Inject @ConfigProperties IdentitySettings settings;

  private volatile AesGcm cipher;
  private volatile String failure;

  void onStart(@Observes Startup startup) {
    try {
      cipher();
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.log(Level.SEVERE, "TOTP encryption key unusable, 2FA is disabled: {0}", failure);
    }
  }

  /** Why TOTP secrets cannot be read or written, or empty when the key is fine. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The secret sealed for storage in the account's row. */
  public String seal(long userId, String base32Secret) {
    return cipher().seal(base32Secret, context(userId));
  }

  /** The secret in clear; a row from before encryption is returned as stored. */
  public String open(long userId, String stored) {
    if (!AesGcm.isSealed(stored)) {
      return stored;
    }
    try {
      return cipher().open(stored, context(userId));
    } catch (IllegalArgumentException e) {
      // A wrong key (rotated without re-encryption) or an altered row: refuse, never guess.
      throw new ApiException(
          503,
          IdentityErrors.TOTP_UNAVAILABLE,
          "Two-factor sign-in is unavailable; contact an administrator");
    }
  }

  /** Whether the stored value is still in clear (written before secrets were encrypted). */
  public boolean needsSealing(String stored) {
    return stored != null && !AesGcm.isSealed(stored);
  }

  private static String context(long userId) {
    return "boxoffice-totp-secret:" + userId;
  }

  private AesGcm cipher() {
    if (failure != null) {
      throw new ApiException(
          503,
          IdentityErrors.TOTP_UNAVAILABLE,
          "Two-factor sign-in is unavailable; try again later");
    }
    AesGcm current = cipher;
    if (current == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher = new AesGcm(resolveKey());
        }
        current = cipher;
      }
    }
    return current;
  }

  private byte[] resolveKey() {
    if (settings.totpEncryptionKey.filter(k -> !k.isBlank()).isPresent()) {
      return decode(settings.totpEncryptionKey.get().strip(), "TOTP_ENCRYPTION_KEY");
    }
    String key =
        keyFiles.devKey(
            "totp",
            "dev-key",
            "TOTP_ENCRYPTION_KEY",
            () -> Base64.getEncoder().encodeToString(Secrets.randomBytes(32)));
    return decode(key.strip(), "the dev TOTP key");
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          source + " must be 32 random bytes in base64 (openssl rand -base64 32)");
    }
    return key;
  }
}
