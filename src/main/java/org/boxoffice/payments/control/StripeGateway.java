package org.boxoffice.payments.control;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Stripe, through stripe-java's own client (its base URL configurable, so tests point it at a
 * stand-in). Every call carries an idempotency key, which is what makes the retries safe: Stripe
 * answers a repeated key with the first result instead of charging or refunding twice.
 *
 * <p>Fault tolerance: 5 s per attempt, at most 2 retries, 20 calls at once; after 5 consecutive
 * failures the circuit opens for 10 s and calls fail at once instead of tying up request threads.
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {
  @Inject @ConfigProperties PaymentSettings settings;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private volatile StripeClient client;

  /** Whether a Stripe key is configured, i.e. whether this gateway is the one in use. */
  public boolean configured() {
    return settings.stripeApiKey.filter(key -> !key.isBlank()).isPresent();
  }

  @Override
  public String provider() {
    return "stripe";
  }

  @Override
  @Timeout(5_000)
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      retryOn = {GatewayUnavailable.class, TimeoutException.class})
  @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000)
  @Bulkhead(20)
  public Intent createIntent(
      long bookingId, BigDecimal amount, String currency, String idempotencyKey) {
    PaymentIntentCreateParams params =
        PaymentIntentCreateParams.builder()
            .setAmount(MinorUnits.of(amount, currency))
            .setCurrency(currency.toLowerCase(Locale.ROOT))
            .putMetadata("bookingId", String.valueOf(bookingId))
            .setAutomaticPaymentMethods(
                PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                    .setEnabled(true)
                    .build())
            .build();
    try {
      PaymentIntent intent = client().v1().paymentIntents().create(params, options(idempotencyKey));
      return new Intent(intent.getId(), intent.getClientSecret());
    } catch (StripeException e) {
      throw new GatewayUnavailable("Stripe refused or failed to create a payment intent", e);
    }
  }

  @Override
  @Timeout(5_000)
  @Retry(
      maxRetries = 2,
      delay = 200,
      jitter = 100,
      retryOn = {GatewayUnavailable.class, TimeoutException.class})
  @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000)
  @Bulkhead(20)
  public String refund(String intentId, BigDecimal amount, String currency, String idempotencyKey) {
    RefundCreateParams params =
        RefundCreateParams.builder()
            .setPaymentIntent(intentId)
            .setAmount(MinorUnits.of(amount, currency))
            .build();
    try {
      Refund refund = client().v1().refunds().create(params, options(idempotencyKey));
      return refund.getId();
    } catch (StripeException e) {
      throw new GatewayUnavailable("Stripe refused or failed to refund", e);
    }
  }

  private static RequestOptions options(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private StripeClient client() {
    StripeClient current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          StripeClient.StripeClientBuilder builder =
              StripeClient.builder()
                  .setApiKey(
                      settings.stripeApiKey.orElseThrow(
                          () -> new IllegalStateException("no Stripe key")))
                  .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                  .setReadTimeout(READ_TIMEOUT_MILLIS)
                  // Retries are Fault Tolerance's, counted by its circuit breaker.
                  .setMaxNetworkRetries(0);
          settings.stripeApiBase.filter(base -> !base.isBlank()).ifPresent(builder::setApiBase);
          client = builder.build();
        }
        current = client;
      }
    }
    return current;
  }
}
