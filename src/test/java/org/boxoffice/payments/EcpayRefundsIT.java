package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.EcpayFixtures.TRADE;
import static org.boxoffice.payments.EcpayFixtures.paidNotice;
import static org.boxoffice.payments.EcpayFixtures.paymentRow;
import static org.boxoffice.payments.EcpayFixtures.postReturn;
import static org.boxoffice.payments.EcpayFixtures.twdEvent;
import static org.boxoffice.payments.EcpayStandIn.notice;
import static org.boxoffice.payments.PaymentFixtures.availableSeats;
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
 * ECPay payments that arrive after their hold lapsed, and refunds: a card payment goes back through
 * ECPay's DoAction, once; an ATM transfer or store code can't, and is booked MANUAL ("refund by
 * hand") with nothing sent and nothing claimed.
 *
 * <p>Runs on the main test server, configured for ECPay's stand-in by pom.xml.
 */
@ExtendWith(EcpayStandIn.class)
class EcpayRefundsIT {
  private static String gatewayTradeNo(long bookingId) {
    return paidNotice(bookingId, "0", "x").get("TradeNo");
  }

  private static void assertOk(ApiResponse answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("1|OK");
  }

  @Test
  void a_late_atm_transfer_whose_seats_were_sold_is_booked_as_a_refund_by_hand() {
    User organizer = Accounts.organizer();
    User late = Accounts.attendee();
    long eventId = twdEvent(organizer, 2, "500");
    long bookingId = id(booked(late.api(), eventId, 2));
    SandboxPaymentsIT.lapse(bookingId);
    booked(Accounts.attendee().api(), eventId, 2);
    String paid = notice(paidNotice(bookingId, "1000", "ATM_TAISHIN"));

    assertOk(postReturn(paid));
    assertOk(postReturn(paid));

    assertThat(bookingStatus(bookingId)).isEqualTo("EXPIRED");
    assertThat(tickets(bookingId)).isZero();
    assertThat(outboxRows(bookingId, "confirmation")).isZero();
    assertThat(outboxRows(bookingId, "refund")).isEqualTo(1);
    assertThat(availableSeats(eventId)).isZero();
    assertThat(
            Db.query("SELECT status, reason, amount FROM refunds WHERE booking_id = ?", bookingId))
        .containsExactly(
            Map.of(
                "status",
                "MANUAL",
                "reason",
                "SEATS_GONE",
                "amount",
                new java.math.BigDecimal("1000.00")));
    assertThat(paymentRow(bookingId)).containsEntry("status", "REFUNDED");
    assertThat(EcpayStandIn.doActions(TRADE + bookingId)).isEmpty();
    assertThat(
            Db.query(
                    "SELECT text_body FROM outbox WHERE booking_id = ? AND kind = 'refund'",
                    bookingId)
                .get(0)
                .get("text_body")
                .toString())
        .contains("by hand");
  }

  @Test
  void a_late_card_payment_whose_seats_were_sold_is_refunded_through_doaction_once() {
    User organizer = Accounts.organizer();
    User late = Accounts.attendee();
    long eventId = twdEvent(organizer, 1, "800");
    long bookingId = id(booked(late.api(), eventId, 1));
    SandboxPaymentsIT.lapse(bookingId);
    booked(Accounts.attendee().api(), eventId, 1);
    EcpayStandIn.paid(TRADE + bookingId, "800", gatewayTradeNo(bookingId), "Credit_CreditCard");
    String paid = notice(paidNotice(bookingId, "800", "Credit_CreditCard"));

    assertOk(postReturn(paid));
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM refunds WHERE booking_id = ? AND status = 'SUCCEEDED'",
                    bookingId)
                == 1,
        Duration.ofSeconds(30),
        "the refund was not sent");
    assertOk(postReturn(paid));

    assertThat(EcpayStandIn.doActions(TRADE + bookingId))
        .singleElement()
        .satisfies(
            action ->
                assertThat(action)
                    .containsEntry("Action", "R")
                    .containsEntry("TotalAmount", "800")
                    .containsEntry("TradeNo", gatewayTradeNo(bookingId)));
    assertThat(Db.number("SELECT count(*) FROM refunds WHERE booking_id = ?", bookingId))
        .isEqualTo(1);
    assertThat(bookingStatus(bookingId)).isEqualTo("EXPIRED");
    assertThat(tickets(bookingId)).isZero();
    assertThat(outboxRows(bookingId, "refund")).isEqualTo(1);
  }

  @Test
  void a_late_payment_whose_seats_are_still_free_confirms_the_booking() {
    User organizer = Accounts.organizer();
    User late = Accounts.attendee();
    long eventId = twdEvent(organizer, 5, "250");
    long bookingId = id(booked(late.api(), eventId, 2));
    SandboxPaymentsIT.lapse(bookingId);

    assertOk(postReturn(notice(paidNotice(bookingId, "500", "CVS_CVS"))));

    assertThat(bookingStatus(bookingId)).isEqualTo("CONFIRMED");
    assertThat(tickets(bookingId)).isEqualTo(2);
    assertThat(outboxRows(bookingId, "confirmation")).isEqualTo(1);
    assertThat(availableSeats(eventId)).isEqualTo(3);
    assertThat(Db.number("SELECT count(*) FROM refunds WHERE booking_id = ?", bookingId)).isZero();
  }

  @Test
  void the_organizer_refunds_a_card_payment_through_ecpay_and_an_atm_payment_by_hand() {
    User organizer = Accounts.organizer();
    long eventId = twdEvent(organizer, 10, "400");
    long card = id(booked(Accounts.attendee().api(), eventId, 1));
    long atm = id(booked(Accounts.attendee().api(), eventId, 1));
    EcpayStandIn.paid(TRADE + card, "400", gatewayTradeNo(card), "Credit_CreditCard");
    assertOk(postReturn(notice(paidNotice(card, "400", "Credit_CreditCard"))));
    assertOk(postReturn(notice(paidNotice(atm, "400", "ATM_LAND"))));

    ApiResponse cardRefund = organizer.api().post("/bookings/" + card + "/refund", "{}");
    ApiResponse atmRefund = organizer.api().post("/bookings/" + atm + "/refund", "{}");

    assertThat(cardRefund.status()).as(cardRefund.toString()).isEqualTo(200);
    assertThat(cardRefund.data().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(EcpayStandIn.doActions(TRADE + card)).hasSize(1);
    assertThat(atmRefund.status()).as(atmRefund.toString()).isEqualTo(200);
    assertThat(atmRefund.data().getString("status")).isEqualTo("MANUAL");
    assertThat(atmRefund.data().getString("bookingStatus")).isEqualTo("REFUNDED");
    assertThat(EcpayStandIn.doActions(TRADE + atm)).isEmpty();
    assertThat(Db.query("SELECT status FROM refunds WHERE booking_id = ?", atm))
        .containsExactly(Map.of("status", "MANUAL"));
    assertThat(bookingStatus(card)).isEqualTo("REFUNDED");
  }
}
