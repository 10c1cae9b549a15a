package org.boxoffice.media.control;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded store: one file per object under a directory ({@code <data dir>/images}), written to
 * a temporary file and moved into place, so a reader never sees half an image.
 */
public final class DirectoryStore implements ObjectStore {
  private final Path root;

  public DirectoryStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] bytes, String contentType, String cacheControl) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.write(temporary, bytes);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new StoreUnavailable("cannot write " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreUnavailable("cannot read " + key, e);
    }
  }

  @Override
  public void delete(String key) {
    Path target = resolve(key);
    try {
      Files.deleteIfExists(target);
      // Empty directories of an image's hash and of its event go too, so nothing is left behind.
      Path dir = target.getParent();
      while (dir != null && !dir.equals(root) && isEmpty(dir)) {
        Files.deleteIfExists(dir);
        dir = dir.getParent();
      }
    } catch (IOException e) {
      throw new StoreUnavailable("cannot delete " + key, e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public Optional<URI> presign(String key, Duration lifetime) {
    return Optional.empty();
  }

  @Override
  public String kind() {
    return "directory";
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public void check() {
    try {
      Files.createDirectories(root);
      if (!Files.isWritable(root)) {
        throw new StoreUnavailable(root + " is not writable", null);
      }
    } catch (IOException e) {
      throw new StoreUnavailable("cannot create " + root, e);
    }
  }

  /** Keys are made by the application, never by a client; still, none may leave the root. */
  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("object key outside the store: " + key);
    }
    return path;
  }
}
