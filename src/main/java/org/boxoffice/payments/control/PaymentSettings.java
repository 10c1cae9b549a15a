package org.boxoffice.payments.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payments settings, injected with {@code @Inject @ConfigProperties}. Their names have no
 * common prefix ({@code stripe.*} and {@code boxoffice.*}, e.g. {@code STRIPE_API_KEY}), so each
 * field names its whole property. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "")
@Dependent
public class PaymentSettings {
  /** Stripe when set, the SANDBOX gateway otherwise (refused when boxoffice.env=production). */
  @ConfigProperty(name = "stripe.api.key")
  public Optional<String> stripeApiKey;

  @ConfigProperty(name = "stripe.webhook.secret")
  public Optional<String> stripeWebhookSecret;

  /** Points the Stripe client elsewhere (tests). */
  @ConfigProperty(name = "boxoffice.stripe.api.base")
  public Optional<String> stripeApiBase;

  /** How often refunds the gateway did not take are retried. */
  @ConfigProperty(name = "boxoffice.refund.retry.seconds", defaultValue = "30")
  public long refundRetrySeconds;

  /**
   * Test-only: how long the transaction of a succeeded payment waits uncommitted, so a test can
   * kill the server there (0: off).
   */
  @ConfigProperty(name = "boxoffice.payments.crash.drill.millis", defaultValue = "0")
  public long crashDrillMillis;
}
