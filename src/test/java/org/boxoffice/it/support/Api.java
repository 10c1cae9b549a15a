package org.boxoffice.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for the server the build started: JSON in, {@link ApiResponse} out. Tests
 * read as the API contract: {@code api.post("/bookings", body)} and assertions on the envelope.
 */
public final class Api {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  private final String token;
  private final Map<String, String> headers;

  private Api(URI base, String token, Map<String, String> headers) {
    this.base = base;
    this.token = token;
    this.headers = headers;
  }

  /** The server the build started, anonymous. */
  public static Api server() {
    return at(Integer.getInteger("it.http.port", 9080));
  }

  /** Another server on this machine, by port. */
  public static Api at(int port) {
    return new Api(URI.create("http://127.0.0.1:" + port), null, Map.of());
  }

  public static URI baseUri() {
    return server().base;
  }

  /** The same server, sending this bearer token. */
  public Api as(String accessToken) {
    return new Api(base, accessToken, headers);
  }

  /** The same server, sending one more header on every request. */
  public Api withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Api(base, token, more);
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  public ApiResponse post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public ApiResponse patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public ApiResponse put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  /** Any method, any body, any content type: for the bad-input tests. */
  public ApiResponse send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** A body of bytes (an image upload), with the content type given (or none). */
  public ApiResponse sendBytes(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  /** GET of a binary answer (an image), with these extra request headers. */
  public HttpResponse<byte[]> bytes(String path, Map<String, String> requestHeaders) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    requestHeaders.forEach(request::header);
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET of this path with this caller's token and headers, for a client of its own. */
  public HttpRequest.Builder get(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).header("Accept", accept);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return request.GET();
  }

  /**
   * Opens a Server-Sent Events stream only to see how it answers: a stream that opens is closed at
   * once (status and headers, empty body); a refusal is read whole.
   */
  public ApiResponse peekStream(String path) {
    try {
      HttpResponse<java.io.InputStream> response =
          CLIENT.send(
              get(path, "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream body = response.body()) {
        boolean streaming =
            response.statusCode() == 200
                && response
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/event-stream");
        String text =
            streaming
                ? ""
                : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new ApiResponse(response.statusCode(), response.headers(), text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request the caller built in full (raw bodies, odd headers). */
  public ApiResponse send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * API paths are written as in API.md ({@code /events}); paths outside the API ({@code /health},
   * {@code /metrics}, {@code /openapi}, {@code /admin}, or a full {@code /api/...}) are kept.
   */
  public URI resolve(String path) {
    boolean outsideApi =
        path.startsWith("/api/")
            || path.startsWith("/health")
            || path.startsWith("/metrics")
            || path.startsWith("/openapi")
            || path.startsWith("/admin");
    return base.resolve(outsideApi ? path : "/api/v1" + path);
  }

  /** Parses a JSON text (a request or response body). */
  public static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
