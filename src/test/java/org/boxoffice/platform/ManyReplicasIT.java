package org.boxoffice.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.boxoffice.it.support.TcpProxy;
import org.boxoffice.payments.PaymentFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database behind a round-robin load balancer, each running every background
 * job (hold expiry, outbox delivery, refund retry), with Stripe (WireMock, real webhook signatures)
 * and SMTP (GreenMail) in this JVM. Buyers race for too few seats through the balancer; half of the
 * holds are paid, by webhooks delivered to both replicas and repeated; the rest run out. Then the
 * database, the mailbox and both replicas' counters must tell one consistent story.
 */
class ManyReplicasIT {
  private static final String WEBHOOK_SECRET = "whsec_test_many_replicas_0123456789";
  private static final int CAPACITY = 30;
  private static final int SEATS_PER_BOOKING = 2;
  private static final int HOLD_SECONDS = 25;
  private static final List<String> COUNTERS =
      List.of("bookings_created_total", "bookings_confirmed_total", "payments_succeeded_total");

  static WireMockServer stripe;
  static GreenMail smtp;
  static LibertyServer replicaA;
  static LibertyServer replicaB;
  static TcpProxy balancer;

  @BeforeAll
  static void start() {
    PaymentFixtures.awaitApplication();
    stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stripe.start();
    stripe.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .willReturn(
                okJson(
                        """
                        {"id": "pi_{{request.headers.[Idempotency-Key]}}", "object": "payment_intent",
                         "client_secret": "pi_{{request.headers.[Idempotency-Key]}}_secret_test",
                         "amount": 2000, "currency": "eur", "status": "requires_payment_method",
                         "metadata": {}}
                        """)
                    .withTransformers("response-template")));
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    Map<String, String> env = new HashMap<>(LibertyServer.testDatabaseEnv());
    env.put("STRIPE_API_KEY", "sk_test_dummy");
    env.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + stripe.port());
    env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
    env.put("SMTP_FROM", "Boxoffice <tickets@boxoffice.test>");
    env.put("BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_BOOKING_EXPIRY_INTERVAL_SECONDS", "1");
    env.put("BOXOFFICE_BOOKING_HOLD_SECONDS", String.valueOf(HOLD_SECONDS));
    env.put("BOXOFFICE_REFUND_RETRY_SECONDS", "2");
    env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
    env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
    // Replica A also exports its traces, to its log: exporters are off unless OTEL_* turn them on.
    Map<String, String> tracing = new HashMap<>(env);
    tracing.put("OTEL_SDK_DISABLED", "false");
    tracing.put("OTEL_TRACES_EXPORTER", "console");
    tracing.put("OTEL_METRICS_EXPORTER", "none");
    tracing.put("OTEL_LOGS_EXPORTER", "none");
    replicaA = LibertyServer.copyOfMain("boxoffice-replica-a", LibertyServer.port(34), tracing);
    replicaB = LibertyServer.copyOfMain("boxoffice-replica-b", LibertyServer.port(35), env);
    replicaA.start();
    replicaB.start();
    replicaA.awaitReady(200, Duration.ofMinutes(4));
    replicaB.awaitReady(200, Duration.ofMinutes(4));
    balancer = TcpProxy.roundRobin(List.of(replicaA.httpPort(), replicaB.httpPort()));
  }

  @AfterAll
  static void stop() {
    if (balancer != null) {
      balancer.close();
    }
    for (LibertyServer replica : new LibertyServer[] {replicaA, replicaB}) {
      if (replica != null) {
        replica.close();
      }
    }
    if (stripe != null) {
      stripe.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void bookings_payments_expiries_and_emails_on_two_replicas_add_up_exactly() throws Exception {
    User organizer = Accounts.organizer();
    long eventId =
        PaymentFixtures.publishedEvent(organizer.api(), "Two replicas", CAPACITY, "10.00");
    List<User> buyers = signUp(24);
    Map<String, Long> countersBefore = new HashMap<>();
    for (String name : COUNTERS) {
      countersBefore.put(name, sum(name));
    }

    // Wave 1: 24 buyers race for 15 bookings' worth of seats through the balancer.
    List<ApiResponse> wave1 = bookConcurrently(buyers, eventId);
    List<Long> accepted1 = acceptedIds(wave1);
    assertThat(accepted1).hasSize(CAPACITY / SEATS_PER_BOOKING);
    assertThat(wave1).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));

    // Every other hold is paid; Stripe's webhook reaches both replicas, and twice.
    List<Long> paid = new ArrayList<>();
    List<Long> lapsing = new ArrayList<>();
    for (int i = 0; i < accepted1.size(); i++) {
      (i % 2 == 0 ? paid : lapsing).add(accepted1.get(i));
    }
    deliverSucceededWebhooks(paid);

    // The unpaid holds run out; both replicas' expiry jobs (and the build's own server's, on the
    // same database) compete for them.
    PaymentFixtures.await(
        () -> count("status = 'PENDING'", eventId) == 0,
        Duration.ofSeconds(HOLD_SECONDS + 45),
        "unpaid holds did not expire");
    long freed = (long) lapsing.size() * SEATS_PER_BOOKING;
    assertThat(PaymentFixtures.availableSeats(eventId)).isEqualTo(freed);

    // Wave 2: the seats given back are sold again, once, and paid.
    List<User> latecomers = signUp(10);
    List<ApiResponse> wave2 = bookConcurrently(latecomers, eventId);
    assertThat(wave2).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
    List<Long> accepted2 = acceptedIds(wave2);
    assertThat(accepted2).hasSize((int) freed / SEATS_PER_BOOKING);
    deliverSucceededWebhooks(accepted2);

    List<Long> confirmed = new ArrayList<>(paid);
    confirmed.addAll(accepted2);
    List<Long> accepted = new ArrayList<>(accepted1);
    accepted.addAll(accepted2);

    // Nothing lost, nothing invented: the stored bookings are exactly the answered ones.
    List<Long> stored =
        Db.query("SELECT id FROM bookings WHERE event_id = ?", eventId).stream()
            .map(row -> ((Number) row.get("id")).longValue())
            .toList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(accepted);
    // Nothing oversold: every seat is either confirmed or free again, none twice.
    assertThat(count("status = 'CONFIRMED'", eventId)).isEqualTo(confirmed.size());
    assertThat(count("status = 'EXPIRED'", eventId)).isEqualTo(lapsing.size());
    assertThat(PaymentFixtures.availableSeats(eventId)).isZero();
    assertThat(Db.number("SELECT taken FROM ticket_types WHERE event_id = ?", eventId))
        .isEqualTo(CAPACITY);
    for (long id : confirmed) {
      assertThat(PaymentFixtures.tickets(id)).as("tickets of %d", id).isEqualTo(SEATS_PER_BOOKING);
    }
    for (long id : lapsing) {
      assertThat(PaymentFixtures.tickets(id)).as("tickets of expired %d", id).isZero();
      assertThat(PaymentFixtures.outboxRows(id, "confirmation")).isZero();
    }

    // Each confirmation email sent exactly once, although both replicas deliver the outbox.
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM outbox o JOIN bookings b ON b.id = o.booking_id"
                        + " WHERE b.event_id = ? AND o.kind = 'confirmation' AND o.status = 'SENT'",
                    eventId)
                == confirmed.size(),
        Duration.ofSeconds(90),
        "not every confirmation email was sent");
    Thread.sleep(3_000);
    List<MimeMessage> mail = Arrays.asList(smtp.getReceivedMessages());
    for (long id : confirmed) {
      assertThat(mail.stream().filter(m -> textOf(m).contains("booking " + id + " ")))
          .as("emails for booking %d", id)
          .hasSize(1);
    }

    // Both replicas took part, and their counters add up to what the database holds.
    assertThat(balancer.connectionsTo(0)).isPositive();
    assertThat(balancer.connectionsTo(1)).isPositive();
    assertThat(counter(replicaA, "bookings_created_total")).isPositive();
    assertThat(counter(replicaB, "bookings_created_total")).isPositive();
    Map<String, Long> counted = new HashMap<>();
    for (String name : COUNTERS) {
      counted.put(name, sum(name) - countersBefore.get(name));
    }
    assertThat(counted)
        .containsEntry("bookings_created_total", (long) accepted.size())
        .containsEntry("bookings_confirmed_total", (long) confirmed.size())
        .containsEntry("payments_succeeded_total", (long) confirmed.size());
  }

  @Test
  void the_spans_of_booking_payment_and_confirmation_carry_the_correlation_id() {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = PaymentFixtures.publishedEvent(organizer.api(), "Traced", 4, "10.00");
    String bookingCorrelation = "trace-booking-" + eventId;
    String paymentCorrelation = "trace-payment-" + eventId;

    ApiResponse booked =
        PaymentFixtures.book(
            replicaA.api().as(buyer.token()).withHeader("X-Correlation-ID", bookingCorrelation),
            eventId,
            SEATS_PER_BOOKING);
    assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
    long bookingId = PaymentFixtures.id(booked.data());
    String payload = succeeded("evt_traced_" + bookingId, "pi_booking-" + bookingId);
    ApiResponse paid =
        replicaA
            .api()
            .withHeader("Stripe-Signature", sign(payload))
            .withHeader("X-Correlation-ID", paymentCorrelation)
            .post("/payments/stripe/webhook", payload);
    assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
    assertThat(PaymentFixtures.bookingStatus(bookingId)).isEqualTo("CONFIRMED");

    PaymentFixtures.await(
        () -> spanLogged(bookingCorrelation) && spanLogged(paymentCorrelation),
        Duration.ofSeconds(30),
        "no span carrying the correlation ids was exported");
    assertThat(spanLines(bookingCorrelation)).anyMatch(line -> line.contains("/bookings"));
    assertThat(spanLines(paymentCorrelation))
        .anyMatch(line -> line.contains("/payments/stripe/webhook"));
  }

  private static boolean spanLogged(String correlationId) {
    return !spanLines(correlationId).isEmpty();
  }

  /** Span lines of the console exporter on replica A that carry this correlation id attribute. */
  private static List<String> spanLines(String correlationId) {
    return replicaA
        .messages()
        .lines()
        .map(line -> line.replace("\\/", "/")) // messages.log is JSON: its slashes are escaped
        .filter(line -> line.contains("boxoffice.correlation_id=" + correlationId))
        .toList();
  }

  private static List<User> signUp(int count) throws Exception {
    List<Callable<User>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(Accounts::attendee);
    }
    return all(signUps, 4);
  }

  /** Every buyer at once, through the balancer, one booking of two seats each. */
  private static List<ApiResponse> bookConcurrently(List<User> buyers, long eventId)
      throws Exception {
    List<Callable<ApiResponse>> calls = new ArrayList<>();
    for (User buyer : buyers) {
      calls.add(
          () -> PaymentFixtures.book(balancer.api().as(buyer.token()), eventId, SEATS_PER_BOOKING));
    }
    return all(calls, 8);
  }

  private static List<Long> acceptedIds(List<ApiResponse> answers) {
    return answers.stream()
        .filter(a -> a.status() == 201)
        .map(a -> PaymentFixtures.id(a.data()))
        .toList();
  }

  /**
   * For each booking, payment_intent.succeeded at one replica and, at the same moment, the same
   * event at the other (Stripe retrying after a timeout), then once more a little later.
   */
  private static void deliverSucceededWebhooks(List<Long> bookingIds) throws Exception {
    List<Callable<ApiResponse>> deliveries = new ArrayList<>();
    for (int i = 0; i < bookingIds.size(); i++) {
      long bookingId = bookingIds.get(i);
      String payload = succeeded("evt_replicas_" + bookingId, "pi_booking-" + bookingId);
      LibertyServer first = i % 2 == 0 ? replicaA : replicaB;
      LibertyServer second = i % 2 == 0 ? replicaB : replicaA;
      deliveries.add(() -> webhook(first, payload));
      deliveries.add(() -> webhook(second, payload));
    }
    assertThat(all(deliveries, 8))
        .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
    for (long bookingId : bookingIds) {
      String payload = succeeded("evt_replicas_" + bookingId, "pi_booking-" + bookingId);
      assertThat(webhook(bookingId % 2 == 0 ? replicaB : replicaA, payload).status())
          .isEqualTo(200);
    }
  }

  private static ApiResponse webhook(LibertyServer replica, String payload) {
    return replica
        .api()
        .withHeader("Stripe-Signature", sign(payload))
        .post("/payments/stripe/webhook", payload);
  }

  private static String succeeded(String eventId, String intentId) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-01-27.acacia", "created": %d,
         "livemode": false, "type": "payment_intent.succeeded", "data": {"object":
         {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "eur",
          "status": "succeeded", "metadata": {}}}}"""
        .formatted(eventId, Instant.now().getEpochSecond(), intentId);
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=hex(HMAC-SHA256(secret, t + "." + payload))}. */
  private static String sign(String payload) {
    try {
      long t = Instant.now().getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String condition, long eventId) {
    return Db.number("SELECT count(*) FROM bookings WHERE event_id = ? AND " + condition, eventId);
  }

  private static long sum(String metric) {
    return counter(replicaA, metric) + counter(replicaB, metric);
  }

  /** A counter's value on one replica's /metrics (0 when it was never incremented there). */
  private static long counter(LibertyServer replica, String metric) {
    String body = replica.api().get("/metrics").body();
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{[^}]*} ([0-9.Ee+]+)$").matcher(body);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static String textOf(MimeMessage message) {
    try {
      Multipart mixed = (Multipart) message.getContent();
      Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
      return (String) alternative.getBodyPart(0).getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> all(List<Callable<T>> calls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> future : pool.invokeAll(calls)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
