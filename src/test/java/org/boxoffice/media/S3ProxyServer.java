package org.boxoffice.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 API server in the test JVM: S3Proxy on a loopback port, its buckets in a directory
 * (jclouds' filesystem backend), checking AWS V4 signatures with the credentials below. The test
 * reads the bucket through jclouds, not through the application's client.
 */
final class S3ProxyServer implements AutoCloseable {
  static final String ACCESS_KEY = "it-access-key";
  static final String SECRET_KEY = "it-secret-key-not-a-real-one";
  static final String BUCKET = "boxoffice-it-images";

  private final int port;
  private final BlobStoreContext context;
  private S3Proxy proxy;

  S3ProxyServer(int port, Path directory) {
    this.port = port;
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
    this.context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(properties)
            .buildView(BlobStoreContext.class);
    blobs().createContainerInLocation(null, BUCKET);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts answering (again) on the port. */
  void start() {
    proxy =
        S3Proxy.builder()
            .blobStore(blobs())
            .endpoint(endpoint())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(20);
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
  }

  /** Stops answering: the store is down. */
  void stop() {
    if (proxy != null) {
      try {
        proxy.stop();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      proxy = null;
    }
  }

  BlobStore blobs() {
    return context.getBlobStore();
  }

  /** The keys of the bucket under a prefix, sorted. */
  List<String> keys(String prefix) {
    List<String> keys = new ArrayList<>();
    ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
    String marker = null;
    do {
      PageSet<? extends StorageMetadata> page =
          blobs().list(BUCKET, marker == null ? options : options.afterMarker(marker));
      for (StorageMetadata entry : page) {
        if (entry.getType() == StorageType.BLOB) {
          keys.add(entry.getName());
        }
      }
      marker = page.getNextMarker();
    } while (marker != null);
    return keys.stream().sorted().toList();
  }

  @Override
  public void close() {
    stop();
    context.close();
  }
}
