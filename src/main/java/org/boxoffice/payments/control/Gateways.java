package org.boxoffice.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.platform.control.PlatformSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Chooses the gateway: the one the event's organizer chose ({@code STRIPE}, {@code ECPAY}), or for
 * {@code AUTO} ECPay for the currencies it serves (New Taiwan dollars) when it is usable here,
 * otherwise Stripe when {@code STRIPE_API_KEY} is set, the sandbox otherwise. A chosen gateway that
 * cannot take the payment is never replaced by another ({@link GatewayRefused}). The sandbox takes
 * no money, so with {@code BOXOFFICE_ENV=production} it refuses to serve: a SEVERE log at start,
 * readiness DOWN, and every payment refused.
 */
@ApplicationScoped
public class Gateways {
  private static final Logger LOG = Logger.getLogger(Gateways.class.getName());

  @Inject StripeGateway stripe;
  @Inject SandboxGateway sandbox;
  @Inject EcpayGateway ecpay;

  @Inject @ConfigProperties PaymentSettings settings;
  @Inject @ConfigProperties PlatformSettings platform;

  void onStart(@Observes Startup startup) {
    if (!ecpay.usable()) {
      LOG.severe(
          "ECPay refused: BOXOFFICE_ENV=production needs ECPAY_MERCHANT_ID, ECPAY_HASH_KEY and"
              + " ECPAY_HASH_IV of a merchant of one's own (not ECPay's public stage merchant)."
              + " Bookings in "
              + settings.ecpayCurrencies
              + " go to the other gateway; events pinned to ECPay take no payments (503).");
    } else if (!ecpay.configured()) {
      LOG.warning(
          "ECPay: no ECPAY_MERCHANT_ID configured, ECPay's public STAGE merchant is used for "
              + settings.ecpayCurrencies
              + " bookings. Development only.");
    } else {
      LOG.info("ECPay for " + settings.ecpayCurrencies + " bookings at " + ecpay.apiBase());
    }
    if (stripe.configured()) {
      LOG.info("Payment gateway: Stripe");
      if (settings.stripeWebhookSecret.filter(s -> !s.isBlank()).isEmpty()) {
        LOG.severe(
            "STRIPE_API_KEY is set but STRIPE_WEBHOOK_SECRET is not: no payment can be confirmed");
      }
    } else if (sandboxForbidden()) {
      LOG.severe(
          "SANDBOX payment gateway refused: BOXOFFICE_ENV=production and no STRIPE_API_KEY."
              + " The server stays NOT READY and takes no bookings that need payment.");
    } else {
      LOG.warning(
          "SANDBOX payment gateway: no STRIPE_API_KEY configured, payments are simulated and no"
              + " money is taken. Never run like this in production.");
    }
  }

  /** The gateway in use; throws {@link GatewayUnavailable} for a sandbox in production. */
  public PaymentGateway current() {
    if (stripe.configured()) {
      return stripe;
    }
    if (sandboxForbidden()) {
      throw new GatewayUnavailable("the sandbox gateway is refused in production", null);
    }
    return sandbox;
  }

  /**
   * The gateway for a booking in this currency: ECPay for the currencies it serves when it is
   * usable, {@link #current()} otherwise.
   */
  public PaymentGateway forCurrency(String currency) {
    if (ecpay.serves(currency) && ecpay.usable()) {
      return ecpay;
    }
    return current();
  }

  /**
   * The gateway for a booking of an event whose organizer chose {@code choice}: the chosen one, or
   * {@link #forCurrency} for {@code AUTO}. Throws {@link GatewayRefused} when the chosen gateway
   * cannot take this payment on this server.
   */
  public PaymentGateway forEvent(PaymentGatewayChoice choice, String currency) {
    if (choice == PaymentGatewayChoice.AUTO) {
      return forCurrency(currency);
    }
    refusal(choice, currency)
        .ifPresent(
            reason -> {
              throw new GatewayRefused(reason);
            });
    return choice == PaymentGatewayChoice.ECPAY ? ecpay : stripe;
  }

  /**
   * Why this server cannot take payments in {@code currency} through {@code choice}, if it can't.
   */
  public Optional<String> refusal(PaymentGatewayChoice choice, String currency) {
    return switch (choice) {
      case AUTO -> Optional.empty();
      case STRIPE ->
          stripe.configured()
              ? Optional.empty()
              : Optional.of("Stripe is not configured on this server (no STRIPE_API_KEY)");
      case ECPAY -> {
        if (!ecpay.serves(currency)) {
          yield Optional.of("ECPay takes payments in " + settings.ecpayCurrencies + " only");
        }
        yield ecpay.usable()
            ? Optional.empty()
            : Optional.of(
                "ECPay is refused on this server: production needs a merchant of one's own");
      }
    };
  }

  /**
   * Whether ECPay can take payments here (a production server refuses the public stage merchant).
   */
  public boolean ecpayUsable() {
    return ecpay.usable();
  }

  /**
   * The gateway a payment was made with, for its refunds: a sandbox payment is refunded by the
   * sandbox even on a server that now has Stripe configured.
   */
  public PaymentGateway forProvider(String provider) {
    if ("sandbox".equals(provider) && !sandboxForbidden()) {
      return sandbox;
    }
    if ("stripe".equals(provider) && stripe.configured()) {
      return stripe;
    }
    if (EcpayGateway.PROVIDER.equals(provider) && ecpay.usable()) {
      return ecpay;
    }
    throw new GatewayUnavailable("no " + provider + " gateway configured on this server", null);
  }

  public boolean isSandbox() {
    return !stripe.configured();
  }

  /** Whether the configuration is one the server can take payments with. */
  public boolean usable() {
    return stripe.configured() || !sandboxForbidden();
  }

  public Optional<String> webhookSecret() {
    return settings.stripeWebhookSecret.filter(s -> !s.isBlank());
  }

  private boolean sandboxForbidden() {
    return "production".equalsIgnoreCase(platform.env.strip());
  }
}
