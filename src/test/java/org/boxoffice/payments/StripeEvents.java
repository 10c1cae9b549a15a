package org.boxoffice.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook events as Stripe sends them, signed as Stripe signs them. */
final class StripeEvents {
  static final String WEBHOOK_SECRET = "whsec_test_boxoffice_0123456789";

  private StripeEvents() {}

  /** A succeeded PaymentIntent of 20.00 EUR. */
  static String intent(String intentId) {
    return """
        {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "eur",
         "status": "succeeded", "metadata": {}}"""
        .formatted(intentId);
  }

  static String event(String id, String type, String object) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-01-27.acacia", "created": %d,
         "livemode": false, "type": "%s", "data": {"object": %s}}"""
        .formatted(id, Instant.now().getEpochSecond(), type, object);
  }

  /** The {@code Stripe-Signature} header of the copy server's webhook secret. */
  static String sign(String payload, Instant at) {
    return signWith(WEBHOOK_SECRET, payload, at);
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=hex(HMAC-SHA256(secret, t + "." + payload))}. */
  static String signWith(String secret, String payload, Instant at) {
    try {
      long t = at.getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
