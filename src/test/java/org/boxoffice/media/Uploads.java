package org.boxoffice.media;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.MultipartForm;

/** What the image tests do again and again: upload, read the renditions, fetch and decode them. */
final class Uploads {
  private Uploads() {}

  static ApiResponse upload(Api api, long eventId, byte[] image, String contentType) {
    return api.sendBytes("PUT", "/events/" + eventId + "/image", image, contentType);
  }

  /** Uploads as an HTML form does: {@code multipart/form-data} with these parts. */
  static ApiResponse uploadForm(Api api, long eventId, MultipartForm.Part... parts) {
    return api.sendBytes(
        "PUT",
        "/events/" + eventId + "/image",
        MultipartForm.of(parts),
        MultipartForm.CONTENT_TYPE);
  }

  /** The renditions of an upload's answer (or of an event's {@code image}). */
  static List<JsonObject> renditions(JsonObject image) {
    return image.getJsonArray("renditions").stream().map(JsonValue::asJsonObject).toList();
  }

  /** Fetches a rendition and checks its headers and its pixels against what the API said. */
  static byte[] fetchAndCheck(Api api, JsonObject rendition, String contentType) {
    HttpResponse<byte[]> answer = api.bytes(rendition.getString("url"), Map.of());
    assertThat(answer.statusCode()).as(rendition.toString()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
    assertThat(answer.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000").contains("immutable"));
    assertThat(answer.headers().firstValue("ETag")).isPresent();
    BufferedImage decoded = TestImages.decode(answer.body());
    assertThat(decoded.getWidth()).isEqualTo(rendition.getInt("width"));
    assertThat(decoded.getHeight()).isEqualTo(rendition.getInt("height"));
    return answer.body();
  }

  static void await(BooleanSupplier condition, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
