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

  /**
   * ECPay's merchant (secret, with the two keys below). Unset: ECPay's public stage merchant, for
   * development only; {@link EcpayGateway} refuses it with {@code boxoffice.env=production}.
   */
  @ConfigProperty(name = "ecpay.merchant.id")
  public Optional<String> ecpayMerchantId;

  @ConfigProperty(name = "ecpay.hash.key")
  public Optional<String> ecpayHashKey;

  @ConfigProperty(name = "ecpay.hash.iv")
  public Optional<String> ecpayHashIv;

  /** ECPay's payment host: the stage one unless configured (production: payment.ecpay.com.tw). */
  @ConfigProperty(
      name = "boxoffice.ecpay.api.base",
      defaultValue = "https://payment-stage.ecpay.com.tw")
  public String ecpayApiBase;

  /**
   * Starts every MerchantTradeNo (the booking id follows): one prefix per installation that shares
   * an ECPay merchant, so their trade numbers never collide. Letters and digits only.
   */
  @ConfigProperty(name = "boxoffice.ecpay.trade.prefix", defaultValue = "BO")
  public String ecpayTradePrefix;

  /** The currencies ECPay is chosen for (ECPay takes New Taiwan dollars only). */
  @ConfigProperty(name = "boxoffice.ecpay.currencies", defaultValue = "TWD")
  public String ecpayCurrencies;

  /** How often ECPay payments whose notification never came are looked up with QueryTradeInfo. */
  @ConfigProperty(name = "boxoffice.ecpay.reconcile.seconds", defaultValue = "300")
  public long ecpayReconcileSeconds;

  /**
   * Where ECPay's servers and the buyer's browser reach this server (scheme, host, port; no path):
   * the ReturnURL, PaymentInfoURL and checkout page URLs start with it. ECPay needs it public.
   */
  @ConfigProperty(
      name = "boxoffice.ecpay.callback.base.url",
      defaultValue = "http://localhost:9080")
  public String ecpayCallbackBaseUrl;

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
