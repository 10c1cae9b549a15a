package org.boxoffice.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A copy of the server configured with Stripe's real client pointed at WireMock (started in this
 * JVM), Stripe's webhook secret, and SMTP pointed at GreenMail (also in this JVM).
 *
 * <p>Every test class that says {@code @ExtendWith(StripeCopyServer.class)} shares one of them: the
 * first class to run starts it, and JUnit closes it once the whole run is over (it lives in the
 * root context's store), so splitting the tests into classes costs no extra server start. Tests
 * that change the stand-ins (a failing Stripe, SMTP down) put them back before they end.
 */
final class StripeCopyServer implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StripeCopyServer.class);
  private static volatile Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class);
  }

  /** The WireMock standing in for Stripe's API. */
  static WireMockServer stripe() {
    return running().stripe;
  }

  /** The copy server itself. */
  static LibertyServer copy() {
    return running().copy;
  }

  /** The copy's environment, for further servers that must behave the same. */
  static Map<String, String> env() {
    return Map.copyOf(running().env);
  }

  static Api api(User user) {
    return copy().api().as(user.token());
  }

  static ApiResponse webhook(String payload, String signature) {
    return copy()
        .api()
        .withHeader("Stripe-Signature", signature)
        .post("/payments/stripe/webhook", payload);
  }

  /** Takes GreenMail away, as an SMTP outage would; {@link #restartSmtp()} brings it back. */
  static void stopSmtp() {
    running().smtp.stop();
  }

  /** A fresh GreenMail on the same port: what it had received before is gone. */
  static void restartSmtp() {
    Running r = running();
    r.smtp = new GreenMail(r.smtpSetup);
    r.smtp.start();
  }

  /** An application counter of the copy's {@code /metrics}, e.g. {@code payments_failed_total}. */
  static double counter(String name) {
    Matcher m =
        Pattern.compile(
                "^" + Pattern.quote(name) + "\\{mp_scope=\"application\",?} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(copy().api().get("/metrics?scope=application").body());
    if (!m.find()) {
      throw new AssertionError("no counter " + name + " in /metrics");
    }
    return Double.parseDouble(m.group(1));
  }

  /** An application gauge of the copy's {@code /metrics}, e.g. {@code outbox_queued}. */
  static long gauge(String name) {
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{mp_scope=\"application\",?} ([0-9.E+-]+)$", Pattern.MULTILINE)
            .matcher(copy().api().get("/metrics?scope=application").body());
    if (!m.find()) {
      throw new AssertionError("no gauge " + name + " in /metrics");
    }
    return (long) Double.parseDouble(m.group(1));
  }

  /** The data of the {@code payments} readiness check, e.g. {@code stripeCircuit}. */
  static JsonObject readinessData(Api api) {
    return api.get("/health/ready").json().getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("payments"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  static List<MimeMessage> awaitMail(String recipient, int count) {
    PaymentFixtures.await(
        () -> bookingMails(recipient).length >= count,
        Duration.ofSeconds(90),
        "no email for " + recipient);
    return List.of(bookingMails(recipient));
  }

  /**
   * What GreenMail received for this address, minus the address-verification email that every
   * account registered by the tests also gets through the same outbox.
   */
  static MimeMessage[] bookingMails(String recipient) {
    return Arrays.stream(running().smtp.getReceivedMessagesForDomain(recipient))
        .filter(
            m -> {
              try {
                return !m.getSubject().startsWith("Confirm your email address");
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toArray(MimeMessage[]::new);
  }

  private static Running running() {
    if (running == null) {
      throw new IllegalStateException("the test class needs @ExtendWith(StripeCopyServer.class)");
    }
    return running;
  }

  /** The stand-ins and the copy server, closed by JUnit at the end of the run. */
  private static final class Running implements AutoCloseable {
    final WireMockServer stripe;
    final ServerSetup smtpSetup;
    volatile GreenMail smtp;
    final Map<String, String> env;
    LibertyServer copy;

    private Running() {
      stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      smtpSetup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      smtp = new GreenMail(smtpSetup);
      env = new HashMap<>(LibertyServer.testDatabaseEnv());
    }

    static Running start() {
      PaymentFixtures.awaitApplication();
      Running r = new Running();
      try {
        r.stripe.start();
        stubStripe(r.stripe);
        r.smtp.start();
        r.env.put("STRIPE_API_KEY", "sk_test_dummy");
        r.env.put("BOXOFFICE_STRIPE_API_BASE", "http://127.0.0.1:" + r.stripe.port());
        r.env.put("STRIPE_WEBHOOK_SECRET", StripeEvents.WEBHOOK_SECRET);
        // ECPay at its stand-in (started by the classes that use it), never ECPay's real stage.
        r.env.put("BOXOFFICE_ECPAY_API_BASE", EcpayStandIn.base());
        r.env.put(
            "BOXOFFICE_ECPAY_CALLBACK_BASE_URL", "http://127.0.0.1:" + LibertyServer.port(11));
        r.env.put("SMTP_HOST", "127.0.0.1");
        r.env.put("SMTP_PORT", String.valueOf(r.smtpSetup.getPort()));
        r.env.put("SMTP_FROM", "Boxoffice <tickets@boxoffice.test>");
        r.env.put("BOXOFFICE_OUTBOX_INTERVAL_SECONDS", "1");
        r.env.put("BOXOFFICE_REFUND_RETRY_SECONDS", "2");
        // Like the main test server: the tests' own traffic must not trip the per-client limits.
        r.env.put("BOXOFFICE_RATE_LIMIT_PER_MINUTE", "100000");
        r.env.put("BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE", "100000");
        // This copy lives to the end of the run: its waiting-list job stays idle, so the offers
        // WaitlistIT counts on its own two servers are not made here.
        r.env.put("BOXOFFICE_WAITLIST_INTERVAL_SECONDS", "86400");
        r.copy = LibertyServer.copyOfMain("boxoffice-stripe", LibertyServer.port(11), r.env);
        r.copy.start().awaitReady(200, Duration.ofMinutes(4));
        return r;
      } catch (RuntimeException | Error failed) {
        r.close();
        throw failed;
      }
    }

    private static void stubStripe(WireMockServer stripe) {
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
      stripe.stubFor(
          post(urlEqualTo("/v1/refunds"))
              .willReturn(
                  okJson(
                          """
                          {"id": "re_{{request.headers.[Idempotency-Key]}}", "object": "refund",
                           "status": "succeeded"}
                          """)
                      .withTransformers("response-template")));
    }

    @Override
    public void close() {
      if (copy != null) {
        copy.close();
      }
      stripe.stop();
      smtp.stop();
    }

    private static int freePort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
