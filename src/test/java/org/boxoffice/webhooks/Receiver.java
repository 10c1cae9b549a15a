package org.boxoffice.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on a loopback port of the test JVM. It answers each request with the next
 * scripted {@link Answer} (200 once the script is used up) and keeps every request it got.
 * Signatures are checked with the {@code standardwebhooks} library, an implementation of the
 * Standard Webhooks specification independent of Boxoffice's own.
 */
public final class Receiver implements AutoCloseable {
  /** One answer: a status after a delay. */
  public record Answer(int status, Duration delay) {
    public static Answer status(int status) {
      return new Answer(status, Duration.ZERO);
    }

    public static Answer slow(Duration delay) {
      return new Answer(200, delay);
    }
  }

  /** One request the receiver got. */
  public record Received(Map<String, List<String>> headers, String body, Instant at) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String id() {
      return header("webhook-id");
    }

    /** Verifies the signature with the library; throws when no signature matches the secret. */
    public void verify(String secret) throws WebhookVerificationException {
      Map<String, List<String>> lower = new java.util.HashMap<>();
      headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
      new Webhook(secret).verify(body, lower);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Answer always;

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // Daemon threads: an answer held back (a test of timeouts or of a crash) never keeps the test
    // JVM alive.
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "webhook-receiver");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The next requests get these answers, in order. */
  public Receiver answer(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Every request gets this answer (null: back to the script, then 200). */
  public Receiver always(Answer answer) {
    always = answer;
    return this;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Waits until the requests got satisfy the condition; returns them. */
  public List<Received> await(Predicate<List<Received>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Received> now = received();
      if (condition.test(now)) {
        return now;
      }
      pause(Duration.ofMillis(100));
    }
    throw new AssertionError("the receiver did not get what was awaited; it got " + received());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
    }
    Answer answer = always != null ? always : script.poll();
    if (answer == null) {
      answer = Answer.status(200);
    }
    pause(answer.delay());
    byte[] reply = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(answer.status(), reply.length);
      exchange.getResponseBody().write(reply);
    } catch (IOException gone) {
      // The sender gave up waiting (a timeout being tested): nobody reads this answer.
    } finally {
      exchange.close();
    }
  }

  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
