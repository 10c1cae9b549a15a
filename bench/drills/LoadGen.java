import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fault drills' steady booking load: a single-file Java program (run it with {@code java
 * LoadGen.java key=value ...}, no build needed, JDK 17 only).
 *
 * <p>Each of {@code threads} workers books at a fixed pace (one request every {@code interval}
 * milliseconds; a late worker skips slots instead of bursting): 1 or 2 seats of a paid event, of
 * the same paid event with a coupon, of a free event, or of a small paid event that sells out
 * during the drill ({@code hot}), as one of the signed-in attendees of
 * {@code tokens}. Every paid booking answered 201 gets its {@code payment_intent.succeeded} webhook,
 * signed with the Stripe webhook secret like Stripe signs it; a webhook that is not answered 200 is
 * resent every 2 s, as Stripe retries, until it is or the program ends.
 *
 * <p>Files written in {@code out}: {@code answers.log} (one line per booking request: epoch millis,
 * HTTP status or 0 for no answer, booking id or -, kind), {@code ids.txt} (the id of every 2xx
 * booking answer), {@code webhooks.log} (epoch millis, booking id, status). The program stops
 * booking when the file {@code out/stop} appears, keeps resending unacknowledged webhooks for up to
 * {@code drain} seconds, then exits.
 */
public class LoadGen {
  private static final Pattern ID = Pattern.compile("\"data\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern INTENT = Pattern.compile("\"paymentIntentId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
  private static final Pattern FINAL = Pattern.compile("\"finalAmount\"\\s*:\\s*([0-9.]+)");

  record Webhook(long bookingId, String intent, long amountMinor, long dueAt) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueAt - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueAt, ((Webhook) other).dueAt);
    }

    Webhook later() {
      return new Webhook(bookingId, intent, amountMinor, System.currentTimeMillis() + 2_000);
    }
  }

  final Map<String, String> options;
  final String base;
  final List<String> tokens;
  final long paidEvent;
  final long freeEvent;
  final long hotEvent;
  final String coupon;
  final String secret;
  final Path out;
  final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(3))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  final DelayQueue<Webhook> webhooks = new DelayQueue<>();
  final AtomicInteger unacknowledged = new AtomicInteger();
  volatile boolean stopping;
  PrintWriter answers;
  PrintWriter ids;
  PrintWriter webhookLog;

  LoadGen(Map<String, String> options) throws IOException {
    this.options = options;
    base = required("base");
    tokens =
        Files.readAllLines(Path.of(required("tokens"))).stream().filter(t -> !t.isBlank()).toList();
    paidEvent = Long.parseLong(required("paid"));
    freeEvent = Long.parseLong(required("free"));
    hotEvent = Long.parseLong(required("hot"));
    coupon = required("coupon");
    secret = required("secret");
    out = Path.of(required("out"));
    Files.createDirectories(out);
  }

  String required(String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key + "=...");
    }
    return value;
  }

  int option(String key, int fallback) {
    return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    new LoadGen(options).run();
  }

  void run() throws Exception {
    int threads = option("threads", 6);
    int interval = option("interval", 250);
    int drain = option("drain", 60);
    try (PrintWriter a = writer("answers.log");
        PrintWriter i = writer("ids.txt");
        PrintWriter w = writer("webhooks.log")) {
      answers = a;
      ids = i;
      webhookLog = w;
      ExecutorService workers = Executors.newFixedThreadPool(threads + 2);
      for (int n = 0; n < threads; n++) {
        int worker = n;
        workers.submit(() -> book(worker, interval));
      }
      workers.submit(this::deliverWebhooks);
      workers.submit(this::deliverWebhooks);
      Path stop = out.resolve("stop");
      while (!Files.exists(stop)) {
        Thread.sleep(200);
        flush();
      }
      stopping = true;
      long drainUntil = System.currentTimeMillis() + drain * 1_000L;
      while (unacknowledged.get() > 0 && System.currentTimeMillis() < drainUntil) {
        Thread.sleep(200);
        flush();
      }
      workers.shutdownNow();
      workers.awaitTermination(15, TimeUnit.SECONDS);
      flush();
      System.out.println("loadgen: webhooks never acknowledged: " + unacknowledged.get());
    }
  }

  PrintWriter writer(String name) throws IOException {
    return new PrintWriter(Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8));
  }

  synchronized void flush() {
    answers.flush();
    ids.flush();
    webhookLog.flush();
  }

  void book(int worker, int interval) {
    long next = System.currentTimeMillis() + ThreadLocalRandom.current().nextInt(interval);
    while (!stopping) {
      long now = System.currentTimeMillis();
      if (next > now) {
        sleep(next - now);
        continue;
      }
      // Skip missed slots: the offered load stays the same after an outage, no catch-up burst.
      next = Math.max(next + interval, now);
      bookOnce();
    }
  }

  void bookOnce() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String token = tokens.get(random.nextInt(tokens.size()));
    int seats = 1 + random.nextInt(2);
    int pick = random.nextInt(10);
    String kind = pick < 5 ? "paid" : pick < 7 ? "coupon" : pick < 9 ? "free" : "hot";
    String body =
        switch (kind) {
          case "paid" -> "{\"eventId\": %d, \"quantity\": %d}".formatted(paidEvent, seats);
          case "coupon" ->
              "{\"eventId\": %d, \"quantity\": %d, \"couponCode\": \"%s\"}"
                  .formatted(paidEvent, seats, coupon);
          case "free" -> "{\"eventId\": %d, \"quantity\": %d}".formatted(freeEvent, seats);
          default -> "{\"eventId\": %d, \"quantity\": %d}".formatted(hotEvent, seats);
        };
    int status = 0;
    String id = "-";
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/bookings"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      if (status / 100 == 2) {
        Matcher m = ID.matcher(response.body());
        id = m.find() ? m.group(1) : "?";
        Matcher intent = INTENT.matcher(response.body());
        Matcher state = STATUS.matcher(response.body());
        Matcher amount = FINAL.matcher(response.body());
        if (intent.find() && state.find() && "PENDING".equals(state.group(1)) && amount.find()) {
          long minor = new java.math.BigDecimal(amount.group(1)).movePointRight(2).longValueExact();
          unacknowledged.incrementAndGet();
          webhooks.add(new Webhook(Long.parseLong(id), intent.group(1), minor, 0));
        }
      }
    } catch (IOException noAnswer) {
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      answers.println(System.currentTimeMillis() + " " + status + " " + id + " " + kind);
      if (status / 100 == 2) {
        ids.println(id);
      }
    }
  }

  void deliverWebhooks() {
    while (!Thread.currentThread().isInterrupted()) {
      Webhook hook;
      try {
        hook = webhooks.take();
      } catch (InterruptedException e) {
        return;
      }
      int status = 0;
      String payload =
          """
          {"id": "evt_drill_%d", "object": "event", "api_version": "2025-01-27.acacia",
           "created": %d, "livemode": false, "type": "payment_intent.succeeded",
           "data": {"object": {"id": "%s", "object": "payment_intent", "amount": %d,
           "currency": "eur", "status": "succeeded", "metadata": {"bookingId": "%d"}}}}"""
              .formatted(
                  hook.bookingId(),
                  Instant.now().getEpochSecond(),
                  hook.intent(),
                  hook.amountMinor(),
                  hook.bookingId());
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/payments/stripe/webhook"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", sign(payload))
                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode();
      } catch (IOException noAnswer) {
        status = 0;
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        webhookLog.println(System.currentTimeMillis() + " " + hook.bookingId() + " " + status);
      }
      if (status == 200) {
        unacknowledged.decrementAndGet();
      } else {
        webhooks.add(hook.later());
      }
    }
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=hex(HMAC-SHA256(secret, t + "." + payload))}. */
  String sign(String payload) {
    try {
      long t = Instant.now().getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted"));
    }
  }
}
