package org.boxoffice.media.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media settings, injected with {@code @Inject @ConfigProperties}. Their names have no common
 * prefix ({@code boxoffice.image.*} and the store's {@code s3.*}, e.g. {@code S3_ENDPOINT}), so
 * each field names its whole property. Each default lives here and nowhere else, except the upload
 * size limit, which the platform's body-size filter enforces ({@code
 * PlatformSettings.imageMaxBytes}).
 */
@ConfigProperties(prefix = "")
@Dependent
public class MediaSettings {
  /**
   * The most pixels (width × height) an upload may have, read from its header before anything is
   * decoded: a decompression bomb is refused without allocating its pixels.
   */
  @ConfigProperty(name = "boxoffice.image.max.pixels", defaultValue = "20000000")
  public long maxPixels;

  /** With the S3 store, image requests are redirected to presigned URLs of the objects. */
  @ConfigProperty(name = "boxoffice.image.presigned", defaultValue = "false")
  public boolean presigned;

  /** How long a presigned URL stays valid. */
  @ConfigProperty(name = "boxoffice.image.presigned.seconds", defaultValue = "3600")
  public long presignedSeconds;

  /** How often the sweep deletes stale objects and the images of cancelled events. */
  @ConfigProperty(name = "boxoffice.image.sweep.interval.seconds", defaultValue = "60")
  public long sweepIntervalSeconds;

  /**
   * How long an object written for an upload that never committed (a crash between the store and
   * the database) is kept before the sweep deletes it.
   */
  @ConfigProperty(name = "boxoffice.image.orphan.grace.seconds", defaultValue = "3600")
  public long orphanGraceSeconds;

  /** Where the embedded store keeps its files ({@code <data dir>/images}) when S3 is not set. */
  @ConfigProperty(name = "boxoffice.data.dir", defaultValue = "data")
  public String dataDir;

  /** The S3 API's endpoint; without it images are kept in the embedded directory store. */
  @ConfigProperty(name = "s3.endpoint")
  public Optional<String> s3Endpoint;

  @ConfigProperty(name = "s3.bucket", defaultValue = "boxoffice-images")
  public String s3Bucket;

  @ConfigProperty(name = "s3.region", defaultValue = "us-east-1")
  public String s3Region;

  /**
   * Static credentials (secret); without them the AWS SDK's default chain (web identity, instance
   * profile, {@code AWS_*} variables) is asked.
   */
  @ConfigProperty(name = "s3.access.key.id")
  public Optional<String> s3AccessKeyId;

  @ConfigProperty(name = "s3.secret.access.key")
  public Optional<String> s3SecretAccessKey;

  /** Path-style addressing ({@code endpoint/bucket/key}), as MinIO and Ceph RGW usually need. */
  @ConfigProperty(name = "s3.path.style", defaultValue = "false")
  public boolean s3PathStyle;
}
