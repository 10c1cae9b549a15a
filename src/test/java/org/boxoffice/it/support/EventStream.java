package org.boxoffice.it.support;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for the tests: it opens the stream, reads it on a thread of its own
 * and queues each event's name and JSON data, as a browser's {@code EventSource} would see them.
 */
public final class EventStream implements AutoCloseable {
  /** One event off the stream. */
  public record Message(String name, JsonObject data) {}

  private final HttpURLConnection connection;
  private final int status;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Thread reader;

  private EventStream(HttpURLConnection connection) throws IOException {
    this.connection = connection;
    this.status = connection.getResponseCode();
    this.reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    if (status == 200) {
      reader.start();
    }
  }

  /**
   * Opens the stream at this URL of the API (relative to {@code /api/v1}) with the caller's token.
   * (A connection of its own, which {@link #close} really closes, as a browser tab would.)
   */
  public static EventStream open(Api api, String path) {
    try {
      HttpRequest template = api.get(path, "text/event-stream").build();
      HttpURLConnection connection = (HttpURLConnection) template.uri().toURL().openConnection();
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(120_000);
      // Not kept for another request: closing it must close the socket, not drain an endless body.
      connection.setRequestProperty("Connection", "close");
      template
          .headers()
          .map()
          .forEach((name, values) -> values.forEach(v -> connection.addRequestProperty(name, v)));
      return new EventStream(connection);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return connection.getContentType() == null ? "" : connection.getContentType();
  }

  /** The body of a refused stream (an error envelope). */
  public String errorBody() {
    try (InputStream body = connection.getErrorStream()) {
      return body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next event that satisfies {@code wanted}, skipping others; fails after {@code timeout}. */
  public Message next(Predicate<Message> wanted, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (true) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        Message message = left <= 0 ? null : messages.poll(left, TimeUnit.MILLISECONDS);
        if (message == null) {
          throw new AssertionError("no wanted event on the stream within " + timeout);
        }
        if (wanted.test(message)) {
          return message;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            messages.add(new Message(name, Api.parse(data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException closed) {
      // The stream ended (closed by the test or the server).
    }
  }

  @Override
  public void close() {
    // HttpURLConnection may read on to the end of the body before it lets the socket go, and this
    // body has no end: let it do so on a thread of its own instead of the test's.
    Thread closer = new Thread(connection::disconnect, "sse-closer");
    closer.setDaemon(true);
    closer.start();
  }
}
