package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.TRADE;
import static org.boxoffice.payments.EcpayFixtures.paymentRow;
import static org.boxoffice.payments.EcpayFixtures.twdEvent;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.boxoffice.payments.control.CheckMacValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TWD booking pays through ECPay: its answer carries the signed AioCheckOut form and the page
 * that posts it, its trade number is its own however often it is asked for, and with ECPay down
 * nothing stays held.
 *
 * <p>Runs on the main test server, configured for ECPay's stand-in by pom.xml ({@link
 * EcpayStandIn}); every test makes its own users, event and bookings.
 */
@ExtendWith(EcpayStandIn.class)
class EcpayCheckoutIT {
  @Test
  void a_twd_booking_answers_with_ecpays_signed_form_which_ecpay_accepts() throws Exception {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = twdEvent(organizer, 10, "500");

    JsonObject booking = booked(buyer.api(), eventId, 2);

    JsonObject payment = booking.getJsonObject("payment");
    assertThat(payment.getString("provider")).isEqualTo("ecpay");
    assertThat(payment.getString("paymentIntentId")).isEqualTo(TRADE + id(booking));
    JsonObject form = payment.getJsonObject("form");
    assertThat(form.getString("action")).isEqualTo(EcpayStandIn.base() + "/Cashier/AioCheckOut/V5");
    Map<String, String> fields = fields(form.getJsonObject("fields"));
    assertThat(fields)
        .containsEntry("MerchantID", EcpayStandIn.MERCHANT_ID)
        .containsEntry("MerchantTradeNo", TRADE + id(booking))
        .containsEntry("TotalAmount", "1000")
        .containsEntry("PaymentType", "aio")
        .containsEntry("ChoosePayment", "ALL")
        .containsEntry("EncryptType", "1")
        .containsEntry(
            "ReturnURL", Api.baseUri().resolve("/api/v1/payments/ecpay/return").toString())
        .containsEntry(
            "PaymentInfoURL",
            Api.baseUri().resolve("/api/v1/payments/ecpay/payment-info").toString());
    assertThat(fields.get("MerchantTradeDate"))
        .matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}");
    assertThat(CheckMacValue.verifies(fields, EcpayStandIn.HASH_KEY, EcpayStandIn.HASH_IV))
        .isTrue();

    // The buyer's browser posts the form: ECPay checks the mac and takes the order.
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(form.getString("action")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(EcpayStandIn.formEncode(fields)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(EcpayStandIn.checkouts())
        .anyMatch(c -> (TRADE + id(booking)).equals(c.get("MerchantTradeNo")));
    assertThat(bookingStatus(id(booking))).isEqualTo("PENDING");
    assertThat(paymentRow(id(booking))).containsEntry("provider", "ecpay");
  }

  @Test
  void the_checkout_page_posts_the_same_form_to_ecpay_and_only_with_the_bookings_token() {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = twdEvent(organizer, 10, "300");
    JsonObject booking = booked(buyer.api(), eventId, 1);
    JsonObject payment = booking.getJsonObject("payment");
    String url = payment.getString("checkoutUrl");
    assertThat(url).startsWith(Api.baseUri().resolve("/api/v1/payments/ecpay/").toString());

    ApiResponse page = Api.server().get(url.substring(url.indexOf("/api/v1") + 7));

    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy"))
        .contains("form-action http://127.0.0.1:" + EcpayStandIn.port())
        .contains("script-src 'nonce-");
    assertThat(page.body())
        .contains("action=\"" + EcpayStandIn.base() + "/Cashier/AioCheckOut/V5\"");
    Map<String, String> hidden = new HashMap<>();
    Matcher input =
        Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .matcher(page.body());
    while (input.find()) {
      hidden.put(input.group(1), input.group(2));
    }
    assertThat(hidden).isEqualTo(fields(payment.getJsonObject("form").getJsonObject("fields")));

    String forged = url.substring(url.indexOf("/api/v1") + 7).replaceAll("token=.*", "token=0a");
    assertThat(Api.server().get(forged).status()).isEqualTo(404);
  }

  @Test
  void a_retried_booking_keeps_its_one_trade_number() {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = twdEvent(organizer, 10, "200");
    String body = "{\"eventId\": %d, \"quantity\": 1}".formatted(eventId);
    Api api = buyer.api().withHeader("Idempotency-Key", "ecpay-retry-" + eventId);

    ApiResponse first = api.post("/bookings", body);
    ApiResponse again = api.post("/bookings", body);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    long bookingId = id(first.data());
    assertThat(id(again.data())).isEqualTo(bookingId);
    assertThat(again.data().getJsonObject("payment").getString("paymentIntentId"))
        .isEqualTo(TRADE + bookingId);
    assertThat(again.data().getJsonObject("payment").getJsonObject("form"))
        .isEqualTo(first.data().getJsonObject("payment").getJsonObject("form"));
    assertThat(Db.number("SELECT count(*) FROM payments WHERE booking_id = ?", bookingId))
        .isEqualTo(1);
  }

  @Test
  void with_ecpay_down_a_booking_is_refused_with_503_and_retry_after_and_nothing_stays_held() {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = twdEvent(organizer, 5, "400");
    ApiResponse refused = EcpayFixtures.bookWhileEcpayDown(buyer.api(), eventId, 2);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
    assertThat(availableSeats(eventId)).isEqualTo(5);
    assertThat(
            Db.query(
                "SELECT status FROM bookings WHERE event_id = ? AND user_id = ?",
                eventId,
                buyer.id()))
        .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CANCELLED"));
    assertThat(
            Db.number(
                "SELECT count(*) FROM payments p JOIN bookings b ON b.id = p.booking_id"
                    + " WHERE b.event_id = ?",
                eventId))
        .isZero();

    // ECPay back: the same buyer books.
    JsonObject booking = booked(buyer.api(), eventId, 2);
    assertThat(booking.getJsonObject("payment").getString("provider")).isEqualTo("ecpay");
  }

  private static Map<String, String> fields(JsonObject json) {
    Map<String, String> fields = new LinkedHashMap<>();
    json.forEach((name, value) -> fields.put(name, ((jakarta.json.JsonString) value).getString()));
    return fields;
  }
}
