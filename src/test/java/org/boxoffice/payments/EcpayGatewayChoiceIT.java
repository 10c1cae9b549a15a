package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.TRADE;
import static org.boxoffice.payments.EcpayFixtures.event;
import static org.boxoffice.payments.EcpayFixtures.eventBody;
import static org.boxoffice.payments.EcpayFixtures.paymentRow;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organizer's choice of payment gateway on the main test server, which has ECPay (its stand-in,
 * ECPay's public stage merchant in development) and no Stripe key (the sandbox): the API takes and
 * shows the choice, refuses with a field-level 400 a gateway this server cannot use for the event's
 * currency, and bookings go where it says. ECPay's open circuit shows in readiness and metrics.
 */
@ExtendWith(EcpayStandIn.class)
class EcpayGatewayChoiceIT {
  @Test
  void the_choice_is_optional_and_auto_by_default_and_is_stored_and_shown() {
    Api organizer = Accounts.organizer().api();

    ApiResponse plain = organizer.post("/events", eventBody("TWD", null, 10, "100"));
    ApiResponse ecpay = organizer.post("/events", eventBody("TWD", "ECPAY", 10, "100"));
    ApiResponse auto = organizer.post("/events", eventBody("EUR", "AUTO", 10, "100"));

    assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
    assertThat(plain.data().getString("paymentGateway")).isEqualTo("AUTO");
    assertThat(ecpay.status()).as(ecpay.toString()).isEqualTo(201);
    assertThat(ecpay.data().getString("paymentGateway")).isEqualTo("ECPAY");
    assertThat(auto.status()).as(auto.toString()).isEqualTo(201);
    assertThat(auto.data().getString("paymentGateway")).isEqualTo("AUTO");
    assertThat(storedChoice(id(plain.data()))).isEqualTo("AUTO");
    assertThat(storedChoice(id(ecpay.data()))).isEqualTo("ECPAY");
    ApiResponse read = organizer.get("/events/" + id(ecpay.data()));
    assertThat(read.data().getString("paymentGateway")).isEqualTo("ECPAY");
  }

  @Test
  void a_gateway_this_server_cannot_use_for_the_currency_is_a_field_level_400() {
    Api organizer = Accounts.organizer().api();

    ApiResponse ecpayInEuros = organizer.post("/events", eventBody("EUR", "ECPAY", 10, "100"));
    ApiResponse stripeWithoutKey = organizer.post("/events", eventBody("TWD", "STRIPE", 10, "100"));
    ApiResponse unknown = organizer.post("/events", eventBody("TWD", "PAYPAL", 10, "100"));

    assertThat(ecpayInEuros.status()).as(ecpayInEuros.toString()).isEqualTo(400);
    assertThat(ecpayInEuros.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(ecpayInEuros.errorFields()).containsExactly("paymentGateway");
    assertThat(ecpayInEuros.body()).contains("TWD only");
    assertThat(stripeWithoutKey.status()).as(stripeWithoutKey.toString()).isEqualTo(400);
    assertThat(stripeWithoutKey.errorFields()).containsExactly("paymentGateway");
    assertThat(stripeWithoutKey.body()).contains("Stripe is not configured");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("paymentGateway");
  }

  @Test
  void a_patch_changes_the_choice_within_the_same_rules_and_leaves_it_when_absent() {
    User organizer = Accounts.organizer();
    long twd = event(organizer.api(), "TWD", null, 10, "100");
    long eur = event(organizer.api(), "EUR", null, 10, "100");

    ApiResponse chosen = organizer.api().patch("/events/" + twd, "{\"paymentGateway\": \"ECPAY\"}");
    ApiResponse untouched = organizer.api().patch("/events/" + twd, "{\"title\": \"Renamed\"}");
    ApiResponse refused =
        organizer.api().patch("/events/" + eur, "{\"paymentGateway\": \"ECPAY\"}");
    ApiResponse stripe =
        organizer.api().patch("/events/" + twd, "{\"paymentGateway\": \"STRIPE\"}");

    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.data().getString("paymentGateway")).isEqualTo("ECPAY");
    assertThat(untouched.data().getString("paymentGateway")).isEqualTo("ECPAY");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("paymentGateway");
    assertThat(stripe.status()).as(stripe.toString()).isEqualTo(400);
    assertThat(stripe.errorFields()).containsExactly("paymentGateway");
    assertThat(storedChoice(twd)).isEqualTo("ECPAY");
    assertThat(storedChoice(eur)).isEqualTo("AUTO");
  }

  @Test
  void a_booking_of_an_event_chosen_for_ecpay_pays_through_ecpay_and_an_auto_euro_one_does_not() {
    User organizer = Accounts.organizer();
    long ecpayEvent = event(organizer.api(), "TWD", "ECPAY", 10, "700");
    long euroEvent = event(organizer.api(), "EUR", "AUTO", 10, "20");
    User buyer = Accounts.attendee();

    JsonObject viaEcpay = booked(buyer.api(), ecpayEvent, 1);
    JsonObject viaSandbox = booked(buyer.api(), euroEvent, 1);

    assertThat(viaEcpay.getJsonObject("payment").getString("provider")).isEqualTo("ecpay");
    assertThat(viaEcpay.getJsonObject("payment").getJsonObject("form").getString("action"))
        .isEqualTo(EcpayStandIn.base() + "/Cashier/AioCheckOut/V5");
    assertThat(paymentRow(id(viaEcpay))).containsEntry("provider", "ecpay");
    assertThat(viaSandbox.getJsonObject("payment").getString("provider")).isEqualTo("sandbox");
    assertThat(paymentRow(id(viaSandbox))).containsEntry("provider", "sandbox");
  }

  @Test
  void with_ecpay_down_its_circuit_opens_and_readiness_and_metrics_say_so() {
    User organizer = Accounts.organizer();
    long eventId = event(organizer.api(), "TWD", "ECPAY", 50, "300");
    User buyer = Accounts.attendee();
    assertThat(readiness().getString("ecpayCircuit")).isEqualTo("closed");
    assertThat(gauge("payment_ecpay_circuit_open")).isZero();

    EcpayStandIn.stop();
    try {
      for (int i = 0; i < 6; i++) {
        ApiResponse refused = PaymentFixtures.book(buyer.api(), eventId, 1);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
      }
      JsonObject data = readiness();
      assertThat(data.getString("ecpayCircuit")).isEqualTo("open");
      assertThat(data.getString("ecpay")).isEqualTo("usable");
      assertThat(data.getString("stripeCircuit")).isEqualTo("closed");
      assertThat(gauge("payment_ecpay_circuit_open")).isEqualTo(1);
      assertThat(gauge("payment_circuit_open")).isZero();
      // Shown, not DOWN: another gateway's bookings and free ones still work.
      assertThat(Api.server().get("/health/ready").status()).isEqualTo(200);
    } finally {
      EcpayStandIn.restart();
    }

    PaymentFixtures.await(
        () -> "closed".equals(readiness().getString("ecpayCircuit")),
        Duration.ofSeconds(20),
        "ECPay's circuit did not close");
    assertThat(gauge("payment_ecpay_circuit_open")).isZero();
    PaymentFixtures.await(
        () -> PaymentFixtures.book(buyer.api(), eventId, 1).status() == 201,
        Duration.ofSeconds(20),
        "no booking went through ECPay once it was back");
    assertThat(
            Db.number(
                "SELECT count(*) FROM payments p JOIN bookings b ON b.id = p.booking_id"
                    + " WHERE b.event_id = ? AND p.provider = 'ecpay'"
                    + " AND p.intent_id LIKE ?",
                eventId,
                TRADE + "%"))
        .isEqualTo(1);
  }

  private static String storedChoice(long eventId) {
    return String.valueOf(
        Db.query("SELECT payment_gateway FROM events WHERE id = ?", eventId)
            .get(0)
            .get("payment_gateway"));
  }

  static JsonObject readiness() {
    return Api.server().get("/health/ready").json().getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("name").equals("payments"))
        .findFirst()
        .orElseThrow()
        .getJsonObject("data");
  }

  private static long gauge(String name) {
    Matcher m =
        Pattern.compile(
                "^" + name + "\\{mp_scope=\"application\",?} ([0-9.E+-]+)$", Pattern.MULTILINE)
            .matcher(Api.server().get("/metrics?scope=application").body());
    if (!m.find()) {
      throw new AssertionError("no gauge " + name + " in /metrics");
    }
    return (long) Double.parseDouble(m.group(1));
  }
}
