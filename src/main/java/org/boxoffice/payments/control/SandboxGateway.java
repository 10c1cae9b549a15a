package org.boxoffice.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The SANDBOX gateway, used when no Stripe key is configured: it takes no money. It hands out
 * intents that only {@code POST /payments/sandbox/{id}/confirm} can "pay", which then drives the
 * same confirmation path as Stripe's webhook. {@link Gateways} refuses to use it in production.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String provider() {
    return "sandbox";
  }

  @Override
  public Intent createIntent(
      long bookingId, BigDecimal amount, String currency, String idempotencyKey) {
    // Derived from the key, like Stripe's answer to a repeated key: the same booking, the same id.
    String id = "pi_sandbox_" + idempotencyKey.replaceAll("[^A-Za-z0-9]", "_");
    return new Intent(id, id + "_secret_" + random());
  }

  @Override
  public String refund(String intentId, BigDecimal amount, String currency, String idempotencyKey) {
    return "re_sandbox_" + idempotencyKey.replaceAll("[^A-Za-z0-9]", "_");
  }

  private static String random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
