package org.boxoffice.tickets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.control.KeyFiles;
import org.boxoffice.tickets.entity.TicketErrors;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The key that signs ticket QR codes: {@code QR_SIGNING_KEY} (base64, at least 32 bytes). Outside
 * production, with none configured, a dev key is generated at first start in {@code <data
 * dir>/qr/dev-signing.key}, like the dev JWT keys, so codes stay valid across restarts. In
 * production a missing or unusable key keeps the server not ready ({@link QrKeysReadiness}): a key
 * made by each pod would refuse at one pod's door the tickets another pod issued. During a key
 * rotation {@code QR_PREVIOUS_SIGNING_KEYS} (comma-separated, base64) lists the keys whose codes
 * still verify: tickets printed before the rotation keep working at the door.
 */
@ApplicationScoped
public class QrKeys {
  private static final Logger LOG = Logger.getLogger(QrKeys.class.getName());

  @Inject KeyFiles keyFiles;
  @Inject @ConfigProperties TicketSettings settings;

  private volatile QrSigner signer;
  private volatile String failure;

  void onStart(@Observes Startup startup) {
    try {
      signer();
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.log(Level.SEVERE, "QR signing key unusable, tickets cannot be signed: {0}", failure);
    }
  }

  /** Why ticket codes cannot be signed or verified, or empty when the keys are fine. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public QrSigner signer() {
    if (failure != null) {
      throw new ApiException(
          503, TicketErrors.TICKETS_UNAVAILABLE, "Ticket codes are unavailable; try again later");
    }
    QrSigner current = signer;
    if (current == null) {
      synchronized (this) {
        if (signer == null) {
          signer = new QrSigner(resolve(), previous());
        }
        current = signer;
      }
    }
    return current;
  }

  private List<byte[]> previous() {
    return settings.previousSigningKeys.stream()
        .flatMap(keys -> Arrays.stream(keys.split(",")))
        .map(String::strip)
        .filter(key -> !key.isEmpty())
        .map(key -> decode(key, "QR_PREVIOUS_SIGNING_KEYS"))
        .toList();
  }

  private byte[] resolve() {
    if (settings.signingKey.filter(k -> !k.isBlank()).isPresent()) {
      return decode(settings.signingKey.get().strip(), "QR_SIGNING_KEY");
    }
    String key =
        keyFiles.devKey(
            "qr",
            "dev-signing.key",
            "QR_SIGNING_KEY",
            () -> {
              byte[] fresh = new byte[32];
              new SecureRandom().nextBytes(fresh);
              return Base64.getEncoder().encodeToString(fresh);
            });
    return decode(key.strip(), "the dev QR signing key");
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not base64", e);
    }
  }
}
