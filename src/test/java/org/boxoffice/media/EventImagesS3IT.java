package org.boxoffice.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Event images in S3: a copy of the server whose store is S3Proxy (a real S3 API server with AWS V4
 * signatures, path-style, in this JVM on a loopback port) and which serves images as presigned
 * URLs. The bucket is read directly to see which objects exist. Last, the store goes down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventImagesS3IT {
  private static final HttpClient PLAIN = HttpClient.newHttpClient();
  private static S3ProxyServer s3;
  private static LibertyServer server;
  private static User organizer;

  @BeforeAll
  static void start() throws IOException {
    PaymentFixtures.awaitApplication();
    Path buckets = Path.of("target", "s3proxy-it");
    deleteTree(buckets);
    Files.createDirectories(buckets);
    s3 = new S3ProxyServer(LibertyServer.port(47), buckets);
    s3.start();
    Map<String, String> env = new LinkedHashMap<>(LibertyServer.testDatabaseEnv());
    env.put("S3_ENDPOINT", s3.endpoint().toString());
    env.put("S3_BUCKET", S3ProxyServer.BUCKET);
    env.put("S3_REGION", "us-east-1");
    env.put("S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
    env.put("S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    env.put("S3_PATH_STYLE", "true");
    env.put("BOXOFFICE_IMAGE_PRESIGNED", "true");
    env.put("BOXOFFICE_IMAGE_SWEEP_INTERVAL_SECONDS", "2");
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    server = LibertyServer.copyOfMain("media-s3", LibertyServer.port(46), env);
    server.start().awaitReady(200, Duration.ofMinutes(4));
    organizer = Accounts.organizer();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  private static Api api() {
    return server.api().as(organizer.token());
  }

  private static long event() {
    return PaymentFixtures.publishedEvent(api(), "Images in S3", 100, "0");
  }

  private static String prefix(long eventId) {
    return "events/" + eventId + "/";
  }

  @Test
  @Order(1)
  void an_upload_puts_three_renditions_in_the_bucket_served_through_presigned_urls() {
    long id = event();

    ApiResponse uploaded =
        Uploads.upload(
            api(), id, TestImages.withExif(TestImages.jpeg(2000, 1000), 1), "image/jpeg");

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    String hash = ImageHash.of(uploaded.data());
    assertThat(s3.keys(prefix(id)))
        .containsExactly(
            prefix(id) + hash + "/large.jpg",
            prefix(id) + hash + "/medium.jpg",
            prefix(id) + hash + "/small.jpg");
    for (String key : s3.keys(prefix(id))) {
      assertThat(
              s3.blobs()
                  .blobMetadata(S3ProxyServer.BUCKET, key)
                  .getContentMetadata()
                  .getContentType())
          .isEqualTo("image/jpeg");
    }
    for (JsonObject rendition : Uploads.renditions(uploaded.data())) {
      HttpResponse<byte[]> redirect = server.api().bytes(rendition.getString("url"), Map.of());
      assertThat(redirect.statusCode()).isEqualTo(302);
      URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertThat(presigned.getPort()).isEqualTo(s3.endpoint().getPort());
      assertThat(presigned.getQuery()).contains("X-Amz-Signature=");
      HttpResponse<byte[]> object = fetch(presigned);
      assertThat(object.statusCode()).isEqualTo(200);
      assertThat(object.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      var decoded = TestImages.decode(object.body());
      assertThat(decoded.getWidth()).isEqualTo(rendition.getInt("width"));
      assertThat(decoded.getHeight()).isEqualTo(rendition.getInt("height"));
      assertThat(TestImages.jpegMarkers(object.body())).doesNotContain(0xE1);
    }
  }

  @Test
  @Order(2)
  void replacing_then_deleting_the_image_leaves_no_object_in_the_bucket() {
    long id = event();
    String first = ImageHash.of(Uploads.upload(api(), id, TestImages.jpeg(1200, 600), null).data());
    assertThat(s3.keys(prefix(id))).hasSize(3).allMatch(k -> k.contains(first));

    String second =
        ImageHash.of(Uploads.upload(api(), id, TestImages.otherJpeg(1200, 600), null).data());

    assertThat(s3.keys(prefix(id))).hasSize(3).allMatch(k -> k.contains(second));
    assertThat(Organizers.deleteImage(api(), id).status()).isEqualTo(204);
    assertThat(s3.keys(prefix(id))).isEmpty();
  }

  @Test
  @Order(3)
  void a_cancelled_event_leaves_no_object_in_the_bucket() {
    long id = event();
    Uploads.upload(api(), id, TestImages.png(700, 700), null);
    assertThat(s3.keys(prefix(id))).hasSize(3);

    assertThat(api().post("/events/" + id + "/cancel", "{}").status()).isEqualTo(200);

    Uploads.await(() -> s3.keys(prefix(id)).isEmpty(), Duration.ofSeconds(30), "the objects to go");
  }

  @Test
  @Order(4)
  void readiness_reports_the_s3_store() {
    Uploads.await(() -> "reachable".equals(storeState()), Duration.ofSeconds(20), "reachable");
    assertThat(imageStoreCheck().getJsonObject("data").getString("store")).isEqualTo("s3");
  }

  @Test
  @Order(10)
  void with_the_store_down_uploads_get_503_while_the_catalog_and_bookings_keep_answering() {
    long id = event();
    Uploads.upload(api(), id, TestImages.jpeg(800, 400), null);
    s3.stop();
    try {
      ApiResponse upload = Uploads.upload(api(), id, TestImages.otherJpeg(800, 400), null);
      assertThat(upload.status()).as(upload.toString()).isEqualTo(503);
      assertThat(upload.errorCode()).isEqualTo("IMAGE_STORE_UNAVAILABLE");
      assertThat(upload.header("Retry-After")).isNotBlank();

      assertThat(server.api().get("/events").status()).isEqualTo(200);
      ApiResponse page = server.api().get("/events/" + id);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.data().getJsonObject("image")).isNotNull();
      ApiResponse booked =
          PaymentFixtures.book(server.api().as(Accounts.attendee().token()), id, 1);
      assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

      Uploads.await(
          () -> "unreachable".equals(storeState()), Duration.ofSeconds(30), "unreachable");
      assertThat(server.api().get("/health/ready").status()).isEqualTo(200);
    } finally {
      s3.start();
    }
  }

  private static String storeState() {
    return imageStoreCheck().getJsonObject("data").getString("state");
  }

  private static JsonObject imageStoreCheck() {
    return server.api().get("/health/ready").json().getJsonArray("checks").stream()
        .map(c -> c.asJsonObject())
        .filter(c -> c.getString("name").equals("image-store"))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<byte[]> fetch(URI uri) {
    try {
      return PLAIN.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The content hash an upload's URLs name. */
  static final class ImageHash {
    private ImageHash() {}

    static String of(JsonObject image) {
      String url = Uploads.renditions(image).get(0).getString("url");
      List<String> parts = List.of(url.split("/"));
      return parts.get(parts.size() - 2);
    }
  }
}
