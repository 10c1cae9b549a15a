package org.boxoffice.media.control;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Object storage through the S3 API (AWS S3, Ceph RGW / OpenShift Data Foundation, MinIO), over the
 * JDK's HTTP connection with short timeouts: a store that hangs must not hold a request thread for
 * long. Checksums are sent only where the API requires them, because not every S3-compatible server
 * understands the SDK's newer default (aws-chunked uploads with CRC32 trailers).
 */
public final class S3Store implements ObjectStore, AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

  private final S3Client client;
  private final S3Presigner presigner;
  private final String bucket;
  private final URI endpoint;

  public S3Store(MediaSettings settings) {
    this.endpoint = URI.create(settings.s3Endpoint.orElseThrow());
    this.bucket = settings.s3Bucket;
    AwsCredentialsProvider credentials =
        settings.s3AccessKeyId.isPresent() && settings.s3SecretAccessKey.isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    settings.s3AccessKeyId.get(), settings.s3SecretAccessKey.get()))
            : DefaultCredentialsProvider.builder().build();
    Region region = Region.of(settings.s3Region);
    S3Configuration addressing =
        S3Configuration.builder().pathStyleAccessEnabled(settings.s3PathStyle).build();
    this.client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT))
            .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
            .build();
    this.presigner =
        S3Presigner.builder()
            .endpointOverride(endpoint)
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing)
            .build();
  }

  @Override
  public void put(String key, byte[] bytes, String contentType, String cacheControl) {
    call(
        () ->
            client.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(bytes)),
        "put " + key);
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(
          client
              .getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes())
              .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new StoreUnavailable("get " + key + " failed", e);
    }
  }

  @Override
  public void delete(String key) {
    call(() -> client.deleteObject(b -> b.bucket(bucket).key(key)), "delete " + key);
  }

  @Override
  public boolean exists(String key) {
    try {
      client.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new StoreUnavailable("head " + key + " failed", e);
    } catch (SdkException e) {
      throw new StoreUnavailable("head " + key + " failed", e);
    }
  }

  @Override
  public Optional<URI> presign(String key, Duration lifetime) {
    try {
      return Optional.of(
          URI.create(
              presigner
                  .presignGetObject(
                      p ->
                          p.signatureDuration(lifetime)
                              .getObjectRequest(g -> g.bucket(bucket).key(key)))
                  .url()
                  .toString()));
    } catch (SdkException e) {
      throw new StoreUnavailable("presign " + key + " failed", e);
    }
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public String location() {
    return bucket + " at " + endpoint;
  }

  @Override
  public void check() {
    call(() -> client.headBucket(b -> b.bucket(bucket)), "head bucket " + bucket);
  }

  private static void call(Runnable call, String what) {
    try {
      call.run();
    } catch (SdkException e) {
      throw new StoreUnavailable(what + " failed", e);
    }
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
  }
}
