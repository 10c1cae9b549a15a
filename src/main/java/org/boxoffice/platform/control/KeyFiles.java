package org.boxoffice.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The one home of key material on this server's disk: the data directory ({@code
 * boxoffice.data.dir}), a directory per kind of key readable by the server's user only, and the dev
 * keys that stand in for configured secrets outside production.
 *
 * <p>A dev key is made once, by whichever server starts first on the directory: it is written to a
 * temporary file that is owner-only from its creation, forced to disk, then hard-linked under its
 * name. The link appears whole and atomically and fails if the name exists, so when several servers
 * (or threads) start together on one directory the first writer wins and the others read its key.
 * Anything that must stay together, like the two halves of a key pair, goes into one file.
 */
@ApplicationScoped
public class KeyFiles {
  private static final Logger LOG = Logger.getLogger(KeyFiles.class.getName());
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private String dataDir;
  private String environment;

  KeyFiles() {}

  @Inject
  KeyFiles(@ConfigProperties PlatformSettings settings) {
    this.dataDir = settings.dataDir;
    this.environment = settings.env;
  }

  /** Key files under {@code dataDir}, outside CDI (tests). */
  public KeyFiles(Path dataDir, String environment) {
    this.dataDir = dataDir.toString();
    this.environment = environment;
  }

  /** {@code <data dir>/<kind>}, created if missing and restricted to the server's user. */
  public Path directory(String kind) {
    Path dir = Path.of(dataDir, kind);
    try {
      if (POSIX) {
        Files.createDirectories(dir, attribute("rwx------"));
        tighten(dir);
      } else {
        Files.createDirectories(dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep key material in " + dir, e);
    }
  }

  /**
   * The dev key kept in {@code <data dir>/<kind>/<file>}: the one on disk, or else the text {@code
   * generate} makes, written first-writer-wins (the returned text is always the file's). Refused in
   * production, where a key on one pod's disk would differ from the other pods' and die with the
   * pod: there the operator configures {@code configuredBy}.
   */
  public String devKey(String kind, String file, String configuredBy, Supplier<String> generate) {
    if ("production".equalsIgnoreCase(environment)) {
      throw new IllegalStateException(
          "BOXOFFICE_ENV=production requires " + configuredBy + "; refusing to generate a dev key");
    }
    Path dir = directory(kind);
    Path target = dir.resolve(file);
    try {
      if (Files.exists(target)) {
        return Files.readString(target, StandardCharsets.US_ASCII);
      }
      String key = generate.get();
      Path temp =
          POSIX
              ? Files.createTempFile(dir, "." + file, ".tmp", attribute("rw-------"))
              : Files.createTempFile(dir, "." + file, ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.wrap(key.getBytes(StandardCharsets.US_ASCII)));
          channel.force(true);
        }
        Files.createLink(target, temp);
        LOG.warning(
            () ->
                "No "
                    + configuredBy
                    + " configured: generated a DEV-ONLY key in "
                    + target.toAbsolutePath()
                    + ". Configure a real key in production.");
        return key;
      } catch (FileAlreadyExistsException lostRace) {
        return Files.readString(target, StandardCharsets.US_ASCII);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev key " + target, e);
    }
  }

  /**
   * Writes {@code <data dir>/<kind>/<file>}, replacing what was there in one atomic step, for what
   * the server republishes at each start (public keys).
   */
  public void publish(String kind, String file, String content) {
    Path dir = directory(kind);
    try {
      Path temp = Files.createTempFile(dir, "." + file, ".tmp");
      try {
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(
            temp,
            dir.resolve(file),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + dir.resolve(file), e);
    }
  }

  /** A directory made by an older version, or by hand, is restricted too when this user may. */
  private static void tighten(Path dir) {
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException notOwner) {
      LOG.warning(
          () ->
              "cannot restrict "
                  + dir.toAbsolutePath()
                  + " to the server's user ("
                  + notOwner
                  + "): make it readable by that user only");
    }
  }

  private static FileAttribute<?> attribute(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
