package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.TRADE;
import static org.boxoffice.payments.EcpayFixtures.atmIssued;
import static org.boxoffice.payments.EcpayFixtures.failedNotice;
import static org.boxoffice.payments.EcpayFixtures.paidNotice;
import static org.boxoffice.payments.EcpayFixtures.paymentRow;
import static org.boxoffice.payments.EcpayFixtures.postPaymentInfo;
import static org.boxoffice.payments.EcpayFixtures.postReturn;
import static org.boxoffice.payments.EcpayFixtures.processedNotices;
import static org.boxoffice.payments.EcpayFixtures.twdEvent;
import static org.boxoffice.payments.EcpayStandIn.notice;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.bookingStatus;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.outboxRows;
import static org.boxoffice.payments.PaymentFixtures.tickets;

import java.time.Duration;
import java.util.Map;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.ApiResponse;
import org.boxoffice.it.support.Db;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ECPay's notifications (ReturnURL, PaymentInfoURL), signed as ECPay signs them and posted by the
 * test: each takes effect once, in any order, and a forged, unknown or wrong one changes nothing.
 * Every case is checked in the database: one confirmation, its tickets, one confirmation email in
 * the outbox.
 *
 * <p>Runs on the main test server, configured for ECPay's stand-in by pom.xml.
 */
@ExtendWith(EcpayStandIn.class)
class EcpayNotificationsIT {
  private long booking(int quantity, String price) {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = twdEvent(organizer, 10, price);
    return id(booked(buyer.api(), eventId, quantity));
  }

  private static void assertConfirmedOnce(long bookingId, int quantity) {
    assertThat(bookingStatus(bookingId)).isEqualTo("CONFIRMED");
    assertThat(tickets(bookingId)).isEqualTo(quantity);
    assertThat(outboxRows(bookingId, "confirmation")).isEqualTo(1);
    assertThat(paymentRow(bookingId)).containsEntry("status", "SUCCEEDED");
  }

  private static void assertOk(ApiResponse answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("1|OK");
  }

  @Test
  void a_card_payment_confirms_the_booking_once_however_often_ecpay_sends_it() {
    long bookingId = booking(2, "500");
    String paid = notice(paidNotice(bookingId, "1000", "Credit_CreditCard"));

    assertOk(postReturn(paid));
    assertOk(postReturn(paid));
    assertOk(postReturn(paid));

    assertConfirmedOnce(bookingId, 2);
    assertThat(paymentRow(bookingId))
        .containsEntry("payment_method", "Credit_CreditCard")
        .containsEntry("gateway_trade_no", paidNotice(bookingId, "1000", "x").get("TradeNo"));
    assertThat(processedNotices(bookingId)).isEqualTo(1);
  }

  @Test
  void an_atm_code_issued_then_paid_confirms_once_and_keeps_the_method() {
    long bookingId = booking(1, "750");

    assertOk(postPaymentInfo(notice(atmIssued(bookingId, "750"))));
    assertThat(bookingStatus(bookingId)).isEqualTo("PENDING");
    assertThat(tickets(bookingId)).isZero();
    assertThat(paymentRow(bookingId))
        .containsEntry("status", "REQUIRES_PAYMENT")
        .containsEntry("payment_method", "ATM_TAISHIN");

    assertOk(postReturn(notice(paidNotice(bookingId, "750", "ATM_TAISHIN"))));

    assertConfirmedOnce(bookingId, 1);
    assertThat(paymentRow(bookingId)).containsEntry("payment_method", "ATM_TAISHIN");
  }

  @Test
  void a_code_notice_after_the_payment_itself_changes_nothing() {
    long bookingId = booking(1, "750");

    assertOk(postReturn(notice(paidNotice(bookingId, "750", "ATM_TAISHIN"))));
    Map<String, String> late = atmIssued(bookingId, "750");
    late.put("PaymentType", "ATM_BOT");
    assertOk(postPaymentInfo(notice(late)));
    assertOk(postPaymentInfo(notice(late)));

    assertConfirmedOnce(bookingId, 1);
    assertThat(paymentRow(bookingId)).containsEntry("payment_method", "ATM_TAISHIN");
  }

  @Test
  void a_failed_attempt_leaves_the_booking_pending_and_is_counted_once() {
    long bookingId = booking(1, "300");
    String failed = notice(failedNotice(bookingId, "300"));

    assertOk(postReturn(failed));
    assertOk(postReturn(failed));

    assertThat(bookingStatus(bookingId)).isEqualTo("PENDING");
    assertThat(tickets(bookingId)).isZero();
    assertThat(paymentRow(bookingId))
        .containsEntry("status", "REQUIRES_PAYMENT")
        .containsEntry("failures", 1);

    // The buyer tries again and pays.
    assertOk(postReturn(notice(paidNotice(bookingId, "300", "Credit_CreditCard"))));
    assertConfirmedOnce(bookingId, 1);
  }

  @Test
  void a_forged_mac_is_refused_with_400_and_changes_nothing() {
    long bookingId = booking(1, "500");
    Map<String, String> fields = paidNotice(bookingId, "500", "Credit_CreditCard");
    String forged =
        notice(fields).replaceAll("CheckMacValue=[0-9A-F]+", "CheckMacValue=" + "A".repeat(64));
    String unsigned = EcpayStandIn.formEncode(fields);
    String tampered =
        notice(paidNotice(bookingId, "500", "Credit_CreditCard"))
            .replace("TradeAmt=500", "TradeAmt=1");

    for (String body : new String[] {forged, unsigned, tampered}) {
      ApiResponse refused = postReturn(body);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.errorCode()).isEqualTo("INVALID_SIGNATURE");
    }
    ApiResponse info = postPaymentInfo(forged);
    assertThat(info.status()).as(info.toString()).isEqualTo(400);

    assertUntouched(bookingId);
  }

  @Test
  void an_unknown_trade_number_is_refused_with_404() {
    long bookingId = booking(1, "500");
    Map<String, String> fields = paidNotice(bookingId, "500", "Credit_CreditCard");
    fields.put("MerchantTradeNo", "ZZ" + bookingId);

    ApiResponse refused = postReturn(notice(fields));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    assertThat(refused.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
    assertUntouched(bookingId);
  }

  @Test
  void a_payment_of_another_amount_is_refused_with_422_and_changes_nothing() {
    long bookingId = booking(2, "500");

    ApiResponse refused = postReturn(notice(paidNotice(bookingId, "999", "Credit_CreditCard")));
    ApiResponse code = postPaymentInfo(notice(atmIssued(bookingId, "1")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("AMOUNT_MISMATCH");
    assertThat(code.status()).as(code.toString()).isEqualTo(422);
    assertUntouched(bookingId);
    assertThat(paymentRow(bookingId).get("payment_method")).isNull();
  }

  @Test
  void a_trade_ecpay_reports_paid_is_confirmed_by_reconciliation_once() {
    long bookingId = booking(3, "100");
    String tradeNo = paidNotice(bookingId, "300", "x").get("TradeNo");

    EcpayStandIn.paid(TRADE + bookingId, "300", tradeNo, "Credit_CreditCard");

    PaymentFixtures.await(
        () -> "CONFIRMED".equals(bookingStatus(bookingId)),
        Duration.ofSeconds(60),
        "reconciliation did not confirm the booking");
    assertConfirmedOnce(bookingId, 3);
    assertThat(paymentRow(bookingId)).containsEntry("gateway_trade_no", tradeNo);
    // The ReturnURL notice comes after all: nothing more happens.
    assertOk(postReturn(notice(paidNotice(bookingId, "300", "Credit_CreditCard"))));
    assertConfirmedOnce(bookingId, 3);
    assertThat(processedNotices(bookingId)).isEqualTo(1);
  }

  private static void assertUntouched(long bookingId) {
    assertThat(bookingStatus(bookingId)).isEqualTo("PENDING");
    assertThat(tickets(bookingId)).isZero();
    assertThat(outboxRows(bookingId, "confirmation")).isZero();
    assertThat(paymentRow(bookingId))
        .containsEntry("status", "REQUIRES_PAYMENT")
        .containsEntry("failures", 0);
    assertThat(processedNotices(bookingId)).isZero();
    assertThat(Db.number("SELECT count(*) FROM bookings WHERE id = ?", bookingId)).isEqualTo(1);
  }
}
