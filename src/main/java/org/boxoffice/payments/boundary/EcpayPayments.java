package org.boxoffice.payments.boundary;

import static org.boxoffice.payments.entity.PaymentErrors.AMOUNT_MISMATCH;
import static org.boxoffice.payments.entity.PaymentErrors.INVALID_SIGNATURE;
import static org.boxoffice.payments.entity.PaymentErrors.PAYMENT_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.logging.Logger;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.payments.control.EcpayGateway;
import org.boxoffice.payments.entity.PaymentStatus;
import org.boxoffice.platform.entity.DomainException;

/**
 * ECPay as the API, the buyer's browser and ECPay's servers see it: the checkout form and page of a
 * booking, and ECPay's signed notifications. A notification with a bad mac, another merchant, an
 * unknown trade number or a wrong amount is refused, logged, and changes nothing; a repeated one is
 * answered as the first so ECPay stops sending it, and changes nothing either.
 */
@ApplicationScoped
public class EcpayPayments {
  private static final Logger LOG = Logger.getLogger(EcpayPayments.class.getName());

  /** {@code RtnCode} of a paid trade (ReturnURL). */
  private static final String PAID = "1";

  /** {@code RtnCode} of a PaymentInfoURL notice: an ATM account, or a store code or barcode. */
  private static final String ATM_ISSUED = "2";

  private static final String STORE_CODE_ISSUED = "10100073";

  @Inject EcpayGateway gateway;
  @Inject EcpayLedger ledger;

  /** An ECPay payment's details with the form to post and the page that posts it. */
  Checkout.PaymentDetails withCheckout(Checkout.PaymentDetails details) {
    if (!EcpayGateway.PROVIDER.equals(details.provider())) {
      return details;
    }
    EcpayLedger.Order order =
        ledger
            .order(details.paymentIntentId())
            .orElseThrow(() -> new IllegalStateException("no ECPay payment for " + details));
    return details.withCheckout(checkoutUrl(order), form(order));
  }

  /**
   * The page that posts a booking's form to ECPay, for a browser sent there: 404 PAYMENT_NOT_FOUND
   * unless the token is the payment's and it is still to be paid.
   */
  public Checkout.PaymentForm checkoutForm(String tradeNo, String token) {
    EcpayLedger.Order order =
        ledger
            .order(tradeNo)
            .filter(o -> o.status() == PaymentStatus.REQUIRES_PAYMENT)
            .filter(o -> token != null && sameSecret(o.secret(), token))
            .orElseThrow(() -> DomainException.notFound(PAYMENT_NOT_FOUND, "No such payment"));
    return form(order);
  }

  /** ECPay's ReturnURL notice: the trade was paid (RtnCode 1), or the attempt failed. */
  public void returned(Map<String, String> notice) {
    String tradeNo = verified(notice, "ReturnURL");
    String code = notice.getOrDefault("RtnCode", "");
    if ("1".equals(notice.get("SimulatePaid")) && gateway.production()) {
      // ECPay's back office can "simulate" a payment: no money moved, never a confirmation.
      LOG.warning(() -> "ECPay simulated payment of " + tradeNo + " ignored in production");
      return;
    }
    EcpayLedger.Outcome outcome =
        PAID.equals(code)
            ? ledger.paid(
                paidNoticeId(tradeNo),
                tradeNo,
                amount(notice),
                notice.get("TradeNo"),
                notice.get("PaymentType"))
            : ledger.failed(
                "ecpay:failed:" + tradeNo + ":" + notice.get("TradeNo") + ":" + code, tradeNo);
    answer(outcome, tradeNo, "ReturnURL");
  }

  /** ECPay's PaymentInfoURL notice: an ATM account or a store code was issued (or not). */
  public void paymentInfo(Map<String, String> notice) {
    String tradeNo = verified(notice, "PaymentInfoURL");
    String code = notice.getOrDefault("RtnCode", "");
    String noticeId = "ecpay:info:" + tradeNo + ":" + notice.get("TradeNo") + ":" + code;
    EcpayLedger.Outcome outcome =
        ATM_ISSUED.equals(code) || STORE_CODE_ISSUED.equals(code)
            ? ledger.codeIssued(
                noticeId, tradeNo, amount(notice), notice.get("TradeNo"), notice.get("PaymentType"))
            : ledger.failed(noticeId, tradeNo);
    answer(outcome, tradeNo, "PaymentInfoURL");
  }

  /**
   * The trade paid, as QueryTradeInfo reported it (reconciliation): the same notice id as the
   * ReturnURL's, so whichever comes second changes nothing.
   */
  EcpayLedger.Outcome paidPerQuery(EcpayGateway.Trade trade) {
    return ledger.paid(
        paidNoticeId(trade.merchantTradeNo()),
        trade.merchantTradeNo(),
        trade.amount(),
        trade.tradeNo(),
        trade.method());
  }

  static String paidNoticeId(String tradeNo) {
    return "ecpay:paid:" + tradeNo;
  }

  private Checkout.PaymentForm form(EcpayLedger.Order order) {
    return gateway.form(order.tradeNo(), order.amount(), order.openedAt(), order.bookingId());
  }

  private String checkoutUrl(EcpayLedger.Order order) {
    return gateway.callbackBaseUrl()
        + "/api/v1/payments/ecpay/"
        + order.tradeNo()
        + "/checkout?token="
        + order.secret();
  }

  /** The notice's MerchantTradeNo, once its mac and merchant are right; 400 otherwise. */
  private String verified(Map<String, String> notice, String kind) {
    String tradeNo = notice.getOrDefault("MerchantTradeNo", "");
    if (!gateway.verifies(notice)) {
      LOG.warning(() -> "ECPay " + kind + " refused: bad CheckMacValue (trade " + tradeNo + ")");
      throw new DomainException(
          DomainException.Kind.INVALID, INVALID_SIGNATURE, "The CheckMacValue is not valid");
    }
    if (!gateway.merchant().id().equals(notice.get("MerchantID"))) {
      LOG.warning(() -> "ECPay " + kind + " refused: another merchant (trade " + tradeNo + ")");
      throw new DomainException(
          DomainException.Kind.INVALID, INVALID_SIGNATURE, "The notice is for another merchant");
    }
    return tradeNo;
  }

  private static void answer(EcpayLedger.Outcome outcome, String tradeNo, String kind) {
    switch (outcome) {
      case UNKNOWN_TRADE -> {
        LOG.warning(() -> "ECPay " + kind + " refused: unknown trade " + tradeNo);
        throw DomainException.notFound(PAYMENT_NOT_FOUND, "No such trade");
      }
      case AMOUNT_MISMATCH -> {
        LOG.warning(() -> "ECPay " + kind + " refused: wrong amount for trade " + tradeNo);
        throw DomainException.refused(
            AMOUNT_MISMATCH, "The amount is not the amount of this payment");
      }
      case DUPLICATE -> LOG.info(() -> "ECPay " + kind + " for " + tradeNo + " again: no effect");
      case APPLIED -> LOG.fine(() -> "ECPay " + kind + " for " + tradeNo + " applied");
    }
  }

  private static BigDecimal amount(Map<String, String> notice) {
    try {
      return new BigDecimal(notice.getOrDefault("TradeAmt", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean sameSecret(String secret, String token) {
    return secret != null
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
