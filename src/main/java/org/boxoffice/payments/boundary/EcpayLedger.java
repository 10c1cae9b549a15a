package org.boxoffice.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.boxoffice.payments.control.EcpayGateway;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.PaymentStatus;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What ECPay's notifications and trade queries change, each in one short transaction: the notice is
 * recorded as processed in the same transaction as its effects (through {@link PaymentLedger}), so
 * it takes effect exactly once however often ECPay sends it, and from whichever path (the ReturnURL
 * or the reconciliation's QueryTradeInfo) it comes first.
 */
@ApplicationScoped
public class EcpayLedger {
  private static final String UNPAID =
      "SELECT id FROM payments WHERE provider = 'ecpay' AND status = 'REQUIRES_PAYMENT'"
          + " AND created_at <= ?1 AND created_at > ?2"
          + " AND (reconciled_at IS NULL OR reconciled_at <= ?1)"
          + " ORDER BY id LIMIT ?3 FOR UPDATE SKIP LOCKED";

  /** What a notice did. */
  public enum Outcome {
    APPLIED,
    /** Handled before: the same notice again, or the trade's state is already past it. */
    DUPLICATE,
    /** No ECPay payment of ours has this MerchantTradeNo. */
    UNKNOWN_TRADE,
    /** The amount ECPay reports is not the amount of the payment. */
    AMOUNT_MISMATCH
  }

  /** A payment opened at ECPay: what its checkout form and page are made of. */
  public record Order(
      String tradeNo,
      long bookingId,
      BigDecimal amount,
      Instant openedAt,
      String secret,
      PaymentStatus status) {}

  @PersistenceContext EntityManager em;
  @Inject PaymentLedger ledger;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;

  /** The ECPay payment of this MerchantTradeNo, if any. */
  @Transactional
  public Optional<Order> order(String tradeNo) {
    return em.createNamedQuery(Payment.BY_INTENT, Payment.class)
        .setParameter("intentId", tradeNo)
        .getResultStream()
        .filter(p -> EcpayGateway.PROVIDER.equals(p.provider()))
        .findFirst()
        .map(
            p ->
                new Order(
                    p.intentId(),
                    p.bookingId(),
                    p.amount(),
                    p.createdAt(),
                    p.clientSecret(),
                    p.status()));
  }

  /**
   * The trade was paid: the payment SUCCEEDED with how it was paid, and its booking confirmed (or,
   * late, its seats taken again or its refund booked), all in this transaction with the notice's
   * record. A wrong amount changes nothing.
   */
  @Transactional
  public Outcome paid(
      String noticeId, String tradeNo, BigDecimal amount, String gatewayTradeNo, String method) {
    Optional<Payment> found = lockEcpay(tradeNo);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_TRADE;
    }
    Payment payment = found.get();
    if (!sameAmount(payment, amount)) {
      return Outcome.AMOUNT_MISMATCH;
    }
    payment.recordGatewayTrade(gatewayTradeNo, method, clock.instant());
    // Written now: the ledger locks the payment again with a refresh, which reloads its row.
    em.flush();
    PaymentLedger.Succeeded outcome = ledger.applySucceeded(noticeId, "ecpay.paid", tradeNo);
    return outcome == PaymentLedger.Succeeded.DUPLICATE ? Outcome.DUPLICATE : Outcome.APPLIED;
  }

  /**
   * ECPay issued the buyer an ATM account or a store code to pay with: recorded on the payment; the
   * booking waits for the money (a transfer after its hold lapsed is a late payment).
   */
  @Transactional
  public Outcome codeIssued(
      String noticeId, String tradeNo, BigDecimal amount, String gatewayTradeNo, String method) {
    Optional<Payment> found = lockEcpay(tradeNo);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_TRADE;
    }
    Payment payment = found.get();
    if (!sameAmount(payment, amount)) {
      return Outcome.AMOUNT_MISMATCH;
    }
    if (!ledger.markProcessed(noticeId, "ecpay.code")) {
      return Outcome.DUPLICATE;
    }
    payment.recordGatewayTrade(gatewayTradeNo, method, clock.instant());
    return Outcome.APPLIED;
  }

  /** An attempt to pay failed: counted; the booking stays PENDING while its hold lasts. */
  @Transactional
  public Outcome failed(String noticeId, String tradeNo) {
    Optional<Payment> found = lockEcpay(tradeNo);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN_TRADE;
    }
    if (!ledger.markProcessed(noticeId, "ecpay.failed")) {
      return Outcome.DUPLICATE;
    }
    found.get().recordFailure(clock.instant());
    metrics.counter("payments.failed").inc();
    return Outcome.APPLIED;
  }

  /**
   * Claims unpaid ECPay payments opened between {@code since} and {@code before} that nobody asked
   * ECPay about since {@code before}: their clock moves on, so no other replica asks at once.
   */
  @Transactional
  public List<String> claimUnpaid(Instant before, Instant since, int limit) {
    List<?> ids =
        em.createNativeQuery(UNPAID)
            .setParameter(1, before.atOffset(ZoneOffset.UTC))
            .setParameter(2, since.atOffset(ZoneOffset.UTC))
            .setParameter(3, limit)
            .getResultList();
    Instant now = clock.instant();
    List<String> claimed = new ArrayList<>();
    for (Object id : ids) {
      Payment payment = em.find(Payment.class, ((Number) id).longValue());
      payment.reconciled(now);
      claimed.add(payment.intentId());
    }
    return claimed;
  }

  private Optional<Payment> lockEcpay(String tradeNo) {
    return ledger.lockByIntent(tradeNo).filter(p -> EcpayGateway.PROVIDER.equals(p.provider()));
  }

  private static boolean sameAmount(Payment payment, BigDecimal amount) {
    return amount != null
        && new BigDecimal(EcpayGateway.whole(payment.amount())).compareTo(amount) == 0;
  }
}
