package org.boxoffice.webhooks.control;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed webhook request: redirects are not followed (a 3xx is a failed attempt), the
 * whole exchange is bounded by the request timeout, and at most {@code maxBytes} of the answer are
 * read before the connection is let go.
 */
public final class WebhookClient {
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxBytes;

  /** What one attempt came to: the status (null when no answer came), how long, what went wrong. */
  public record Outcome(Integer status, long latencyMillis, String error, String body) {
    public boolean succeeded() {
      return status != null && status >= 200 && status < 300;
    }
  }

  /** The signed headers of one attempt. */
  public record Signed(String messageId, long timestamp, String signature) {}

  public WebhookClient(Duration connectTimeout, Duration requestTimeout, int maxBytes) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .build();
    this.requestTimeout = requestTimeout;
    this.maxBytes = Math.max(0, maxBytes);
  }

  public Outcome post(String url, String body, Signed signed) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Boxoffice-Webhooks/1")
            .header("webhook-id", signed.messageId())
            .header("webhook-timestamp", String.valueOf(signed.timestamp()))
            .header("webhook-signature", signed.signature())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, info -> new Capped(maxBytes));
    try {
      HttpResponse<byte[]> response =
          exchange.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      int status = response.statusCode();
      String answer = new String(response.body(), StandardCharsets.UTF_8);
      String error =
          status >= 200 && status < 300
              ? null
              : status >= 300 && status < 400
                  ? "HTTP " + status + " (redirects are not followed)"
                  : "HTTP " + status;
      return new Outcome(status, elapsed(start), error, answer);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return new Outcome(null, elapsed(start), "timed out after " + requestTimeout, null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String what =
          cause instanceof java.net.http.HttpTimeoutException
              ? "timed out after " + requestTimeout
              : cause.getClass().getSimpleName()
                  + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      return new Outcome(null, elapsed(start), what, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.cancel(true);
      return new Outcome(null, elapsed(start), "interrupted (the server is stopping)", null);
    }
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Keeps the first {@code max} bytes of a body and cancels the rest of it. */
  static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int max;
    private Flow.Subscription subscription;

    Capped(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int take = Math.min(buffer.remaining(), max - kept.size());
        byte[] bytes = new byte[take];
        buffer.get(bytes);
        kept.write(bytes, 0, take);
      }
      if (kept.size() >= max) {
        subscription.cancel();
        result.complete(kept.toByteArray());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(kept.toByteArray());
    }
  }
}
