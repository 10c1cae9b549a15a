package org.boxoffice.tickets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs ticket QR codes: {@code QR_SIGNING_KEY} (base64, at least 32 bytes) in
 * production; with none configured a dev key is generated at first start and kept in the server's
 * data directory, like the dev JWT keys, so codes stay valid across restarts. During a key rotation
 * {@code QR_PREVIOUS_SIGNING_KEYS} (comma-separated, base64) lists the keys whose codes still
 * verify: tickets printed before the rotation keep working at the door.
 */
@ApplicationScoped
public class QrKeys {
  private static final Logger LOG = Logger.getLogger(QrKeys.class.getName());

  @Inject
  @ConfigProperty(name = "qr.signing.key")
  Optional<String> configuredKey;

  @Inject
  @ConfigProperty(name = "qr.previous.signing.keys")
  Optional<String> previousKeys;

  @Inject
  @ConfigProperty(name = "boxoffice.data.dir", defaultValue = "data")
  String dataDir;

  private volatile QrSigner signer;

  void onStart(@Observes Startup startup) {
    signer();
  }

  public QrSigner signer() {
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
    return previousKeys.stream()
        .flatMap(keys -> Arrays.stream(keys.split(",")))
        .map(String::strip)
        .filter(key -> !key.isEmpty())
        .map(key -> Base64.getDecoder().decode(key))
        .toList();
  }

  private byte[] resolve() {
    if (configuredKey.filter(k -> !k.isBlank()).isPresent()) {
      return Base64.getDecoder().decode(configuredKey.get().strip());
    }
    Path file = Path.of(dataDir, "qr", "dev-signing.key");
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder()
            .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      }
      LOG.warning(
          "No QR_SIGNING_KEY configured: generating a DEV-ONLY ticket signing key in "
              + file.toAbsolutePath()
              + ". Configure a real key in production.");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "dev-signing", ".tmp");
      Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      restrictToOwner(temp);
      try {
        // Two servers sharing the data directory may race here: link() fails if the file exists,
        // so the first key written wins and both servers read it.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException lostRace) {
        LOG.fine("another server wrote the dev QR key first");
      } finally {
        Files.deleteIfExists(temp);
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev QR signing key in " + file, e);
    }
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.fine(() -> "could not restrict permissions of " + file + ": " + e);
    }
  }
}
