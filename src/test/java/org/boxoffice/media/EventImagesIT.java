package org.boxoffice.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.Events;
import org.boxoffice.it.support.MultipartForm;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Event images on the server the build started, whose store is the embedded default: a directory
 * under its data dir, read here to see which objects exist.
 */
class EventImagesIT {
  private static final Path STORE =
      Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"))
          .resolve("usr/servers")
          .resolve(System.getProperty("it.server.name", "boxoffice"))
          .resolve("data/images");

  static User organizer;

  /** The events this class made, whose images and objects it removes when done. */
  private static final Set<Long> CREATED = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void ready() {
    PaymentFixtures.awaitApplication();
    organizer = Accounts.organizer();
  }

  /**
   * Leaves the directory store as this class found it: each of its events loses its image through
   * the API (which deletes the objects), and whatever is still there is removed by hand.
   */
  @AfterAll
  static void removeWhatThisClassStored() {
    for (long id : CREATED) {
      Organizers.deleteImage(organizer.api(), id);
      removeObjectsOf(id);
    }
    assertThat(CREATED).allSatisfy(id -> assertThat(STORE.resolve(eventDir(id))).doesNotExist());
  }

  /**
   * A published event of the organizer, for this class's tests. The database is new on every run
   * but the server's data dir is not, so event ids start again at 1: an object under a brand-new
   * event's id can only be a leftover of an earlier run (one that stopped before its clean-up), and
   * would make the object counts below wrong. It is removed first.
   */
  static long newEvent() {
    long id = Events.published(organizer, 50);
    CREATED.add(id);
    removeObjectsOf(id);
    return id;
  }

  @Test
  void an_upload_makes_three_renditions_served_with_long_caching_and_shown_on_the_event() {
    long id = newEvent();
    byte[] photo = TestImages.withExif(TestImages.jpeg(2400, 1200), 1);

    ApiResponse uploaded = Uploads.upload(organizer.api(), id, photo, "image/jpeg");

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    JsonObject image = uploaded.data();
    assertThat(image.getString("contentType")).isEqualTo("image/jpeg");
    List<JsonObject> renditions = Uploads.renditions(image);
    assertThat(renditions)
        .extracting(r -> r.getString("name"))
        .containsExactly("large", "medium", "small");
    assertThat(renditions).extracting(r -> r.getInt("width")).containsExactly(1600, 800, 320);
    assertThat(renditions).extracting(r -> r.getInt("height")).containsExactly(800, 400, 160);
    for (JsonObject rendition : renditions) {
      byte[] served = Uploads.fetchAndCheck(Api.server(), rendition, "image/jpeg");
      // Re-encoded: no EXIF segment, nothing of the camera or its GPS position left.
      assertThat(TestImages.jpegMarkers(served)).doesNotContain(0xE1);
      assertThat(TestImages.contains(served, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
      assertThat(TestImages.contains(served, TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII)))
          .isFalse();
    }
    JsonObject event = Api.server().get("/events/" + id).data();
    assertThat(event.getJsonObject("image")).isEqualTo(image);
    assertThat(objectsOf(id)).hasSize(3);
  }

  @Test
  void a_multipart_form_uploads_the_part_named_image_whatever_type_and_name_it_declares() {
    long id = newEvent();
    byte[] photo = TestImages.withExif(TestImages.jpeg(1000, 500), 1);

    ApiResponse uploaded =
        Uploads.uploadForm(
            organizer.api(),
            id,
            new MultipartForm.Part(
                "caption", null, null, "Opening night".getBytes(StandardCharsets.UTF_8)),
            new MultipartForm.Part("image", "image/svg+xml", "poster.svg", photo));

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    JsonObject image = uploaded.data();
    assertThat(image.getString("contentType")).isEqualTo("image/jpeg");
    List<JsonObject> renditions = Uploads.renditions(image);
    assertThat(renditions).extracting(r -> r.getInt("width")).containsExactly(1000, 800, 320);
    for (JsonObject rendition : renditions) {
      byte[] served = Uploads.fetchAndCheck(Api.server(), rendition, "image/jpeg");
      assertThat(TestImages.jpegMarkers(served)).doesNotContain(0xE1);
    }
    assertThat(objectsOf(id)).hasSize(3);
    // The same bytes as the raw body are the same image: nothing new is stored.
    ApiResponse again = Uploads.upload(organizer.api(), id, photo, "application/octet-stream");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.data()).isEqualTo(image);
  }

  @Test
  void the_openapi_document_offers_the_upload_as_a_body_and_as_a_form() {
    ApiResponse document = Api.server().withHeader("Accept", "application/json").get("/openapi");
    assertThat(document.status()).isEqualTo(200);
    JsonObject content =
        document
            .json()
            .getJsonObject("paths")
            .getJsonObject("/api/v1/events/{id}/image")
            .getJsonObject("put")
            .getJsonObject("requestBody")
            .getJsonObject("content");
    assertThat(content.keySet())
        .contains("image/jpeg", "image/png", "image/webp", "multipart/form-data");
    assertThat(content.getJsonObject("multipart/form-data").getJsonObject("schema").toString())
        .contains("ImageForm");
  }

  @Test
  void a_form_without_one_image_part_or_not_a_form_at_all_is_400_on_the_field_image() {
    long id = newEvent();
    byte[] photo = TestImages.jpeg(400, 300);
    Map<String, ApiResponse> answers = new java.util.LinkedHashMap<>();
    answers.put(
        "no image part",
        Uploads.uploadForm(
            organizer.api(), id, new MultipartForm.Part("picture", "image/jpeg", "a.jpg", photo)));
    answers.put(
        "two image parts",
        Uploads.uploadForm(
            organizer.api(),
            id,
            new MultipartForm.Part("image", "image/jpeg", "a.jpg", photo),
            new MultipartForm.Part("image", "image/jpeg", "b.jpg", photo)));
    answers.put("no parts", Uploads.uploadForm(organizer.api(), id));
    answers.put(
        "an empty image part",
        Uploads.uploadForm(
            organizer.api(),
            id,
            new MultipartForm.Part("image", "image/jpeg", "a.jpg", new byte[0])));
    answers.put(
        "another boundary",
        organizer
            .api()
            .sendBytes(
                "PUT",
                "/events/" + id + "/image",
                MultipartForm.of(new MultipartForm.Part("image", "image/jpeg", "a.jpg", photo)),
                "multipart/form-data; boundary=not-the-one-used"));
    answers.put(
        "no boundary",
        organizer
            .api()
            .sendBytes(
                "PUT",
                "/events/" + id + "/image",
                MultipartForm.of(new MultipartForm.Part("image", "image/jpeg", "a.jpg", photo)),
                "multipart/form-data"));

    assertThat(answers)
        .allSatisfy(
            (why, answer) -> {
              assertThat(answer.status()).as(why + ": " + answer).isEqualTo(400);
              assertThat(answer.errorCode()).as(why).isEqualTo("VALIDATION_FAILED");
              assertThat(answer.errorFields()).as(why).containsExactly("image");
              assertThat(answer.body()).as(why).doesNotContain("Exception");
            });
    // A form cut off inside the image hands on what came: a truncated image, refused as one.
    ApiResponse cutOff =
        organizer
            .api()
            .sendBytes(
                "PUT",
                "/events/" + id + "/image",
                java.util.Arrays.copyOf(
                    MultipartForm.of(new MultipartForm.Part("image", "image/jpeg", "a.jpg", photo)),
                    400),
                MultipartForm.CONTENT_TYPE);
    assertThat(cutOff.status()).as(cutOff.toString()).isEqualTo(422);
    assertThat(cutOff.errorCode()).isEqualTo("IMAGE_UNREADABLE");
    assertThat(cutOff.errorFields()).containsExactly("image");
    assertThat(objectsOf(id)).isEmpty();
    assertThat(Api.server().get("/events/" + id).data().containsKey("image")).isFalse();
  }

  @Test
  void an_image_part_over_the_size_limit_is_413_and_a_refused_type_422_as_for_the_body() {
    long id = newEvent();
    byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(TestImages.jpeg(100, 100), 0, tooLarge, 0, 100);
    ApiResponse large =
        Uploads.uploadForm(
            organizer.api(),
            id,
            new MultipartForm.Part("image", "image/jpeg", "big.jpg", tooLarge));
    assertThat(large.status()).as(large.toString()).isEqualTo(413);
    assertThat(large.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
    ApiResponse refused =
        Uploads.uploadForm(
            organizer.api(), id, new MultipartForm.Part("image", "image/png", "a.png", svg));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("IMAGE_TYPE_UNSUPPORTED");
    assertThat(objectsOf(id)).isEmpty();
  }

  @Test
  void a_rendition_asked_again_with_its_etag_is_not_modified() {
    long id = newEvent();
    JsonObject large =
        Uploads.renditions(
                Uploads.upload(organizer.api(), id, TestImages.jpeg(900, 600), null).data())
            .get(0);
    HttpResponse<byte[]> first = Api.server().bytes(large.getString("url"), Map.of());
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<byte[]> again =
        Api.server().bytes(large.getString("url"), Map.of("If-None-Match", etag));

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void the_type_is_decided_by_the_bytes_not_by_the_declared_content_type() {
    long id = newEvent();

    ApiResponse uploaded =
        Uploads.upload(organizer.api(), id, TestImages.png(640, 480), "image/jpeg");

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    assertThat(uploaded.data().getString("contentType")).isEqualTo("image/png");
    List<JsonObject> renditions = Uploads.renditions(uploaded.data());
    // Never upscaled: 640 wide stays 640 for large and medium.
    assertThat(renditions).extracting(r -> r.getInt("width")).containsExactly(640, 640, 320);
    Uploads.fetchAndCheck(Api.server(), renditions.get(0), "image/png");
  }

  @Test
  void a_real_webp_is_accepted_and_served_as_renditions_decoded_from_it() {
    long id = newEvent();
    byte[] webp = TestImages.webp("event-1200x800-lossy.webp");

    ApiResponse uploaded = Uploads.upload(organizer.api(), id, webp, "image/webp");

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    // Opaque WebP: served as JPEG renditions, never upscaled past its 1200 × 800.
    assertThat(uploaded.data().getString("contentType")).isEqualTo("image/jpeg");
    List<JsonObject> renditions = Uploads.renditions(uploaded.data());
    assertThat(renditions).extracting(r -> r.getInt("width")).containsExactly(1200, 800, 320);
    assertThat(renditions).extracting(r -> r.getInt("height")).containsExactly(800, 533, 213);
    for (JsonObject rendition : renditions) {
      byte[] served = Uploads.fetchAndCheck(Api.server(), rendition, "image/jpeg");
      BufferedImage decoded = TestImages.decode(served);
      Color left = new Color(decoded.getRGB(decoded.getWidth() / 8, decoded.getHeight() / 2));
      assertThat(left.getRed()).as(left.toString()).isGreaterThan(200);
      assertThat(left.getBlue()).as(left.toString()).isLessThan(60);
    }
    assertThat(objectsOf(id)).hasSize(3);
  }

  @Test
  void a_webp_with_transparency_is_served_as_png_renditions() {
    long id = newEvent();

    ApiResponse uploaded =
        Uploads.upload(
            organizer.api(), id, TestImages.webp("event-1200x800-lossless-alpha.webp"), null);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    assertThat(uploaded.data().getString("contentType")).isEqualTo("image/png");
    for (JsonObject rendition : Uploads.renditions(uploaded.data())) {
      byte[] served = Uploads.fetchAndCheck(Api.server(), rendition, "image/png");
      assertThat(TestImages.decode(served).getColorModel().hasAlpha()).isTrue();
    }
  }

  @Test
  void an_svg_a_truncated_image_a_bomb_and_random_bytes_are_refused_with_the_envelope() {
    long id = newEvent();
    assertRefused(id, TestImages.svg(), "image/svg+xml", 422, "IMAGE_TYPE_UNSUPPORTED");
    assertRefused(id, TestImages.svg(), "image/jpeg", 422, "IMAGE_TYPE_UNSUPPORTED");
    assertRefused(
        id,
        "%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII),
        "image/png",
        422,
        "IMAGE_TYPE_UNSUPPORTED");
    assertRefused(
        id,
        TestImages.truncated(TestImages.jpeg(1200, 800)),
        "image/jpeg",
        422,
        "IMAGE_UNREADABLE");
    assertRefused(
        id, TestImages.truncated(TestImages.png(1200, 800)), "image/png", 422, "IMAGE_UNREADABLE");
    assertRefused(
        id,
        TestImages.truncated(TestImages.webp("event-1200x800-lossy.webp")),
        "image/webp",
        422,
        "IMAGE_UNREADABLE");
    assertRefused(
        id,
        TestImages.pngClaiming(100_000, 100_000),
        "image/png",
        422,
        "IMAGE_DIMENSIONS_TOO_LARGE");
    assertRefused(id, new byte[0], "image/png", 400, "VALIDATION_FAILED");
    assertThat(Db.number("select count(*) from event_images where event_id = ?", id)).isZero();
    assertThat(objectsOf(id)).isEmpty();
  }

  @Test
  void an_image_over_the_size_limit_is_refused_with_413() {
    long id = newEvent();
    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    byte[] jpeg = TestImages.jpeg(100, 100);
    System.arraycopy(jpeg, 0, huge, 0, jpeg.length);

    assertRefused(id, huge, "image/jpeg", 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void only_the_events_organizer_may_upload() {
    long id = newEvent();
    byte[] photo = TestImages.jpeg(400, 300);

    ApiResponse stranger = Uploads.upload(Accounts.organizer().api(), id, photo, "image/jpeg");
    ApiResponse attendee = Uploads.upload(Accounts.attendee().api(), id, photo, "image/jpeg");
    ApiResponse anonymous = Uploads.upload(Api.server(), id, photo, "image/jpeg");

    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.errorCode()).isEqualTo("EVENT_NOT_FOUND");
    assertThat(attendee.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(Organizers.deleteImage(Accounts.organizer().api(), id).status()).isEqualTo(404);
    assertThat(Db.number("select count(*) from event_images where event_id = ?", id)).isZero();
  }

  @Test
  void replacing_the_image_removes_the_old_objects_and_its_urls() {
    long id = newEvent();
    JsonObject first = Uploads.upload(organizer.api(), id, TestImages.jpeg(1000, 500), null).data();
    List<Path> firstObjects = objectsOf(id);

    ApiResponse second = Uploads.upload(organizer.api(), id, TestImages.otherJpeg(1000, 500), null);

    assertThat(second.status()).isEqualTo(200);
    List<Path> now = objectsOf(id);
    assertThat(now).hasSize(3).doesNotContainAnyElementsOf(firstObjects);
    String oldUrl = Uploads.renditions(first).get(0).getString("url");
    assertThat(Api.server().get(oldUrl).status()).isEqualTo(404);
    Uploads.fetchAndCheck(Api.server(), Uploads.renditions(second.data()).get(1), "image/jpeg");
  }

  @Test
  void the_same_image_again_changes_nothing() throws IOException {
    long id = newEvent();
    byte[] photo = TestImages.jpeg(1000, 500);
    JsonObject first = Uploads.upload(organizer.api(), id, photo, null).data();
    List<Path> objects = objectsOf(id);
    var written = Files.getLastModifiedTime(objects.get(0));

    JsonObject again = Uploads.upload(organizer.api(), id, photo, null).data();

    assertThat(again).isEqualTo(first);
    assertThat(objectsOf(id)).isEqualTo(objects);
    assertThat(Files.getLastModifiedTime(objects.get(0))).isEqualTo(written);
  }

  @Test
  void deleting_the_image_leaves_no_object_behind() {
    long id = newEvent();
    JsonObject image = Uploads.upload(organizer.api(), id, TestImages.jpeg(800, 400), null).data();

    ApiResponse deleted = Organizers.deleteImage(organizer.api(), id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(objectsOf(id)).isEmpty();
    assertThat(Api.server().get("/events/" + id).data().containsKey("image")).isFalse();
    assertThat(Api.server().get(Uploads.renditions(image).get(2).getString("url")).status())
        .isEqualTo(404);
    assertThat(Organizers.deleteImage(organizer.api(), id).errorCode())
        .isEqualTo("IMAGE_NOT_FOUND");
  }

  @Test
  void a_cancelled_event_keeps_no_image() {
    long id = newEvent();
    Uploads.upload(organizer.api(), id, TestImages.jpeg(800, 400), null);
    assertThat(objectsOf(id)).hasSize(3);

    ApiResponse cancelled = organizer.api().post("/events/" + id + "/cancel", "{}");

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.data().containsKey("image")).isFalse();
    Uploads.await(() -> objectsOf(id).isEmpty(), Duration.ofSeconds(30), "the objects to go");
    assertThat(Db.number("select count(*) from event_images where event_id = ?", id)).isZero();
    assertThat(
            Db.number(
                "select count(*) from stale_image_objects where object_key like ?",
                "events/" + id + "/%"))
        .isZero();
    ApiResponse refused = Uploads.upload(organizer.api(), id, TestImages.jpeg(800, 400), null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("EVENT_NOT_EDITABLE");
  }

  /**
   * Twelve large uploads at the same moment, each to an event of its own (the same bytes again on
   * one event would be answered without processing): at most two are processed at a time, the
   * others are refused at once with 503 IMAGE_PROCESSING_BUSY and Retry-After, nothing fails with
   * 500, and the rest of the API keeps answering meanwhile. Up to three bursts, in case the machine
   * happens to finish uploads as fast as they come.
   */
  @Test
  void
      uploads_beyond_the_two_processing_slots_are_refused_with_503_busy_and_the_api_keeps_answering()
          throws Exception {
    int uploads = 12;
    // Transparent right half: decoded as ARGB and re-encoded as PNG, the slow path. Its flat
    // colours keep it far below the size limit.
    byte[] large = TestImages.png(3000, 2000);
    List<ApiResponse> busy = new ArrayList<>();
    List<Long> refusedEvents = new ArrayList<>();
    List<ApiResponse> probes = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(uploads + 1);
    try {
      for (int burst = 0; burst < 3 && busy.isEmpty(); burst++) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
          ids.add(newEvent());
        }
        CyclicBarrier start = new CyclicBarrier(uploads + 1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        for (long id : ids) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return Uploads.upload(organizer.api(), id, large, "image/png");
                  }));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Future<?> prober =
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  while (running.get()) {
                    probes.add(Api.server().get("/events"));
                  }
                  return null;
                });
        for (int i = 0; i < uploads; i++) {
          ApiResponse answer = answers.get(i).get(120, TimeUnit.SECONDS);
          assertThat(answer.status()).as(answer.toString()).isIn(200, 503);
          if (answer.status() == 503) {
            busy.add(answer);
            refusedEvents.add(ids.get(i));
          } else {
            assertThat(answer.data().getString("contentType")).isEqualTo("image/png");
          }
        }
        running.set(false);
        prober.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(busy).as("503 answers in up to three bursts of %d uploads", uploads).isNotEmpty();
    for (ApiResponse refused : busy) {
      assertThat(refused.json().getBoolean("success")).isFalse();
      assertThat(refused.errorCode()).isEqualTo("IMAGE_PROCESSING_BUSY");
      assertThat(refused.json().getString("correlationId")).isNotBlank();
      assertThat(refused.header("Retry-After")).as(refused.toString()).matches("[1-9][0-9]*");
    }
    // A refused upload leaves neither a row nor an object.
    for (long id : refusedEvents) {
      assertThat(Db.number("select count(*) from event_images where event_id = ?", id)).isZero();
      assertThat(objectsOf(id)).isEmpty();
    }
    assertThat(probes)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.status()).as(p.toString()).isEqualTo(200));
  }

  @Test
  void readiness_reports_the_directory_store() {
    JsonObject check =
        Api.server().get("/health/ready").json().getJsonArray("checks").stream()
            .map(c -> c.asJsonObject())
            .filter(c -> c.getString("name").equals("image-store"))
            .findFirst()
            .orElseThrow();
    assertThat(check.getString("status")).isEqualTo("UP");
    assertThat(check.getJsonObject("data").getString("store")).isEqualTo("directory");
  }

  private static void assertRefused(long id, byte[] body, String type, int status, String code) {
    ApiResponse refused = Uploads.upload(organizer.api(), id, body, type);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
    assertThat(refused.json().getBoolean("success")).isFalse();
    assertThat(refused.errorCode()).isEqualTo(code);
    assertThat(refused.json().getString("correlationId")).isNotBlank();
    assertThat(refused.body()).doesNotContain("Exception");
  }

  private static Path eventDir(long eventId) {
    return Path.of("events", Long.toString(eventId));
  }

  /** Deletes the event's directory in the store, with everything in it. */
  private static void removeObjectsOf(long eventId) {
    Path dir = STORE.resolve(eventDir(eventId));
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The objects of the event in the directory store, sorted. */
  static List<Path> objectsOf(long eventId) {
    Path dir = STORE.resolve(eventDir(eventId));
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
