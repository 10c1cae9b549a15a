package org.boxoffice.media.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The image store this server uses: S3 when {@code S3_ENDPOINT} is set, else the embedded directory
 * {@code <data dir>/images}.
 */
@ApplicationScoped
public class ImageStores {
  private static final Logger LOG = Logger.getLogger(ImageStores.class.getName());

  @Inject @ConfigProperties MediaSettings settings;

  private ObjectStore store;

  @PostConstruct
  void open() {
    if (settings.s3Endpoint.filter(e -> !e.isBlank()).isPresent()) {
      store = new S3Store(settings);
    } else {
      store = new DirectoryStore(Path.of(settings.dataDir, "images"));
    }
    LOG.info(() -> "event images are kept in the " + store.kind() + " store " + store.location());
  }

  @PreDestroy
  void close() {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.fine(() -> "closing the image store: " + e);
      }
    }
  }

  public ObjectStore store() {
    return store;
  }

  /** Whether image requests are answered with presigned URLs of the store's objects. */
  public boolean presigned() {
    return settings.presigned && "s3".equals(store.kind());
  }
}
