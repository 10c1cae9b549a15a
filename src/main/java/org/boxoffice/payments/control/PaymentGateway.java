package org.boxoffice.payments.control;

import java.math.BigDecimal;

/** A payment provider: payment intents and refunds, each call made safe to repeat by its key. */
public interface PaymentGateway {
  /** {@code "stripe"} or {@code "sandbox"}. */
  String provider();

  /**
   * Creates (or, for a key already used, finds again) the intent to pay {@code amount} for the
   * booking. Throws {@link GatewayUnavailable} when the provider can't be reached.
   */
  Intent createIntent(long bookingId, BigDecimal amount, String currency, String idempotencyKey);

  /** Refunds {@code amount} of the intent; returns the provider's refund id. */
  String refund(String intentId, BigDecimal amount, String currency, String idempotencyKey);

  /** A payment intent: its id and the secret the client confirms it with. */
  record Intent(String id, String clientSecret) {}
}
