package org.boxoffice.media.control;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where image objects live: S3-compatible object storage, or a directory on disk. Every failure to
 * reach it is a {@link StoreUnavailable}.
 */
public interface ObjectStore {
  /** Writes the object whole, replacing any of the same key. */
  void put(String key, byte[] bytes, String contentType, String cacheControl);

  /** The object, or empty when there is none of that key. */
  Optional<byte[]> get(String key);

  /** Deletes the object; deleting one that is not there is no error. */
  void delete(String key);

  /** Whether an object of that key exists. */
  boolean exists(String key);

  /** A URL the client may fetch the object from directly, when this store can make one. */
  Optional<URI> presign(String key, Duration lifetime);

  /** {@code s3} or {@code directory}. */
  String kind();

  /** Where: the bucket and endpoint, or the directory. */
  String location();

  /** A round trip to the store right now; throws {@link StoreUnavailable} when it fails. */
  void check();
}
