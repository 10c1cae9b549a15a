package org.boxoffice.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.platform.control.PlatformSettings;
import org.junit.jupiter.api.Test;

/**
 * The gateway a booking goes to, and the choices refused, for each way a server can be set up: the
 * organizer's choice is honoured or refused, never swapped for another gateway.
 */
class GatewaysTest {
  @Test
  void auto_keeps_the_currency_rule() {
    Gateways dev = gateways("dev", null, null);
    Gateways withStripe = gateways("dev", "sk_test_x", null);

    assertThat(dev.forEvent(PaymentGatewayChoice.AUTO, "TWD").provider()).isEqualTo("ecpay");
    assertThat(dev.forEvent(PaymentGatewayChoice.AUTO, "EUR").provider()).isEqualTo("sandbox");
    assertThat(withStripe.forEvent(PaymentGatewayChoice.AUTO, "TWD").provider()).isEqualTo("ecpay");
    assertThat(withStripe.forEvent(PaymentGatewayChoice.AUTO, "EUR").provider())
        .isEqualTo("stripe");
  }

  @Test
  void a_chosen_gateway_is_used_for_a_currency_it_serves() {
    Gateways withStripe = gateways("dev", "sk_test_x", null);

    assertThat(withStripe.forEvent(PaymentGatewayChoice.STRIPE, "TWD").provider())
        .isEqualTo("stripe");
    assertThat(withStripe.forEvent(PaymentGatewayChoice.ECPAY, "TWD").provider())
        .isEqualTo("ecpay");
    assertThat(withStripe.refusal(PaymentGatewayChoice.ECPAY, "TWD")).isEmpty();
    assertThat(withStripe.refusal(PaymentGatewayChoice.STRIPE, "EUR")).isEmpty();
  }

  @Test
  void ecpay_is_refused_for_other_currencies_and_stripe_without_a_key() {
    Gateways dev = gateways("dev", null, null);

    assertThat(dev.refusal(PaymentGatewayChoice.ECPAY, "EUR")).get().asString().contains("TWD");
    assertThat(dev.refusal(PaymentGatewayChoice.STRIPE, "TWD"))
        .get()
        .asString()
        .contains("Stripe is not configured");
    assertThatThrownBy(() -> dev.forEvent(PaymentGatewayChoice.STRIPE, "TWD"))
        .isInstanceOf(GatewayRefused.class);
  }

  @Test
  void production_refuses_ecpays_stage_merchants_and_no_merchant_and_never_falls_back_to_stripe() {
    for (String merchant : new String[] {null, "3002607", "2000132"}) {
      Gateways production = gateways("production", "sk_live_x", merchant);

      assertThat(production.ecpayUsable()).as(merchant).isFalse();
      assertThat(production.refusal(PaymentGatewayChoice.ECPAY, "TWD"))
          .as(merchant)
          .get()
          .asString()
          .contains("ECPay is refused");
      assertThatThrownBy(() -> production.forEvent(PaymentGatewayChoice.ECPAY, "TWD"))
          .as(merchant)
          .isInstanceOf(GatewayRefused.class);
      // AUTO: the currency rule of before, Stripe when ECPay can't.
      assertThat(production.forEvent(PaymentGatewayChoice.AUTO, "TWD").provider())
          .isEqualTo("stripe");
    }
  }

  @Test
  void production_takes_ecpay_with_a_merchant_of_ones_own() {
    Gateways production = gateways("production", "sk_live_x", "3123456");

    assertThat(production.ecpayUsable()).isTrue();
    assertThat(production.forEvent(PaymentGatewayChoice.ECPAY, "TWD").provider())
        .isEqualTo("ecpay");
  }

  private static Gateways gateways(String env, String stripeKey, String ecpayMerchant) {
    PaymentSettings settings = new PaymentSettings();
    settings.stripeApiKey = Optional.ofNullable(stripeKey);
    settings.stripeWebhookSecret = Optional.empty();
    settings.stripeApiBase = Optional.empty();
    settings.ecpayMerchantId = Optional.ofNullable(ecpayMerchant);
    settings.ecpayHashKey = Optional.ofNullable(ecpayMerchant == null ? null : "key0123456789abc");
    settings.ecpayHashIv = Optional.ofNullable(ecpayMerchant == null ? null : "iv0123456789abcd");
    settings.ecpayCurrencies = "TWD";
    PlatformSettings platform = new PlatformSettings();
    platform.env = env;

    Gateways gateways = new Gateways();
    gateways.settings = settings;
    gateways.platform = platform;
    gateways.stripe = new StripeGateway();
    gateways.stripe.settings = settings;
    gateways.sandbox = new SandboxGateway();
    gateways.ecpay = new EcpayGateway();
    gateways.ecpay.settings = settings;
    gateways.ecpay.platform = platform;
    return gateways;
  }
}
