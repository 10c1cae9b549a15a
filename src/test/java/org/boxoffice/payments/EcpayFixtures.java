package org.boxoffice.payments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;

/** TWD events and ECPay's notices for the ECPay tests. */
final class EcpayFixtures {
  /** The trade number prefix of the test server (the default). */
  static final String TRADE = "BO";

  private EcpayFixtures() {}

  /** A published TWD event of one ticket type at {@code price} whole New Taiwan dollars. */
  static long twdEvent(User organizer, int capacity, String price) {
    return event(organizer.api(), "TWD", null, capacity, price);
  }

  /** The body that creates an event in {@code currency}, with a paymentGateway unless null. */
  static String eventBody(String currency, String gateway, int capacity, String price) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(20);
    return """
        {"title": "台北 concert", "description": "d", "location": "Taipei",
         "startDate": "%s", "endDate": "%s", "capacity": %d, "currency": "%s",%s
         "ticketTypes": [{"name": "Standard", "price": %s, "maxPerOrder": 10}]}
        """
        .formatted(
            start,
            start.plusHours(3),
            capacity,
            currency,
            gateway == null ? "" : " \"paymentGateway\": \"" + gateway + "\",",
            price);
  }

  /**
   * A published event in {@code currency} on the server {@code api} talks to, its gateway chosen
   * ({@code null}: the field left out).
   */
  static long event(Api api, String currency, String gateway, int capacity, String price) {
    ApiResponse created = api.post("/events", eventBody(currency, gateway, capacity, price));
    if (created.status() != 201) {
      throw new IllegalStateException("event creation failed: " + created);
    }
    long id = created.data().getJsonNumber("id").longValue();
    ApiResponse published = api.post("/events/" + id + "/publish", "{}");
    if (published.status() != 200) {
      throw new IllegalStateException("publish failed: " + published);
    }
    return id;
  }

  /** ECPay's ReturnURL notice of a paid trade. */
  /** A booking asked for while the ECPay stand-in is down; the stand-in is back afterwards. */
  static ApiResponse bookWhileEcpayDown(Api api, long eventId, int quantity) {
    EcpayStandIn.stop();
    try {
      return PaymentFixtures.book(api, eventId, quantity);
    } finally {
      EcpayStandIn.restart();
    }
  }

  static Map<String, String> paidNotice(long bookingId, String amount, String paymentType) {
    Map<String, String> n = base(bookingId, amount, paymentType);
    n.put("RtnCode", "1");
    n.put("RtnMsg", "交易成功");
    n.put("PaymentDate", "2027/01/09 10:00:00");
    return n;
  }

  /** ECPay's PaymentInfoURL notice: an ATM account was issued. */
  static Map<String, String> atmIssued(long bookingId, String amount) {
    Map<String, String> n = base(bookingId, amount, "ATM_TAISHIN");
    n.put("RtnCode", "2");
    n.put("RtnMsg", "Get VirtualAccount Succeeded");
    n.put("BankCode", "812");
    n.put("vAccount", "9103522175887271");
    n.put("ExpireDate", "2027/01/10");
    return n;
  }

  /** ECPay's ReturnURL notice of a failed card attempt. */
  static Map<String, String> failedNotice(long bookingId, String amount) {
    Map<String, String> n = base(bookingId, amount, "Credit_CreditCard");
    n.put("RtnCode", "10100058");
    n.put("RtnMsg", "付款失敗");
    n.put("PaymentDate", "");
    return n;
  }

  private static Map<String, String> base(long bookingId, String amount, String paymentType) {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("MerchantID", EcpayStandIn.MERCHANT_ID);
    n.put("MerchantTradeNo", TRADE + bookingId);
    n.put("StoreID", "");
    n.put("TradeNo", "2701091000" + String.format("%06d", bookingId % 1_000_000));
    n.put("TradeAmt", amount);
    n.put("PaymentType", paymentType);
    n.put("PaymentTypeChargeFee", "0");
    n.put("TradeDate", "2027/01/09 09:55:00");
    n.put("SimulatePaid", "0");
    n.put("CustomField1", "");
    n.put("CustomField2", "");
    n.put("CustomField3", "");
    n.put("CustomField4", "");
    return n;
  }

  static ApiResponse postReturn(String body) {
    return Api.server()
        .send("POST", "/payments/ecpay/return", body, "application/x-www-form-urlencoded");
  }

  static ApiResponse postPaymentInfo(String body) {
    return Api.server()
        .send("POST", "/payments/ecpay/payment-info", body, "application/x-www-form-urlencoded");
  }

  static Map<String, Object> paymentRow(long bookingId) {
    List<Map<String, Object>> rows =
        Db.query(
            "SELECT provider, status, payment_method, gateway_trade_no, failures"
                + " FROM payments WHERE booking_id = ?",
            bookingId);
    if (rows.size() != 1) {
      throw new AssertionError("expected one payment of booking " + bookingId + ": " + rows);
    }
    return rows.get(0);
  }

  static long processedNotices(long bookingId) {
    return Db.number(
        "SELECT count(*) FROM processed_webhook_events WHERE event_id LIKE ?",
        "ecpay:%:" + TRADE + bookingId + "%");
  }
}
