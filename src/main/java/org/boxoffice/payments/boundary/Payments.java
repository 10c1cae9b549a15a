package org.boxoffice.payments.boundary;

import static org.boxoffice.payments.entity.PaymentErrors.INVALID_SIGNATURE;
import static org.boxoffice.payments.entity.PaymentErrors.PAYMENT_GATEWAY_UNAVAILABLE;
import static org.boxoffice.payments.entity.PaymentErrors.PAYMENT_NOT_FOUND;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.boundary.Checkout;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.payments.control.CircuitWatch;
import org.boxoffice.payments.control.EcpayCircuitWatch;
import org.boxoffice.payments.control.EcpayGateway;
import org.boxoffice.payments.control.GatewayUnavailable;
import org.boxoffice.payments.control.Gateways;
import org.boxoffice.payments.control.MinorUnits;
import org.boxoffice.payments.control.PaymentGateway;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.RefundReason;
import org.boxoffice.platform.boundary.UnavailableException;
import org.boxoffice.platform.control.Combiner;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Payments as the API and Stripe see them. Every gateway call is made here, outside any
 * transaction; the state changes are {@link PaymentLedger}'s short transactions around it.
 */
@ApplicationScoped
public class Payments implements Checkout {
  private static final Logger LOG = Logger.getLogger(Payments.class.getName());
  private static final long SIGNATURE_TOLERANCE_SECONDS = 300;

  /** Payment records share one lane (no lock to queue for: any order is fine). */
  private static final Boolean RECORDS = Boolean.TRUE;

  /** At most this many payment records a transaction. */
  private static final int MAX_COMBINED = 64;

  /**
   * The wait asked of a client whose payment this server's configuration refuses (the event's
   * chosen gateway is not usable here): no circuit will close it, an operator has to act.
   */
  private static final Duration REFUSED_RETRY_AFTER = Duration.ofMinutes(5);

  @Inject Gateways gateways;
  @Inject PaymentLedger ledger;
  @Inject Bookings bookings;
  @Inject CircuitWatch circuit;
  @Inject EcpayCircuitWatch ecpayCircuit;
  @Inject EcpayPayments ecpay;
  @Inject Catalog catalog;

  @Resource ManagedExecutorService executor;

  /**
   * Concurrent bookings' payment records are stored in one transaction, as their bookings were: a
   * sale's second transaction per booking costs one commit per batch instead of one per booking.
   */
  private final Combiner<Boolean, PaymentLedger.Opening, Recorded> recorder =
      new Combiner<>(
          // When the batch fails (a twin), each record again in a transaction of its own.
          Combiner.oneByOneOnFailure(
              this::recordAll, Failures::isDatabaseUnreachable, Recorded::failed),
          Recorded::failed);

  /**
   * Creates the payment intent of a PENDING booking just placed, keyed by the booking so a retry
   * never makes a second one. When the gateway can't be reached the hold is given back (the booking
   * is CANCELLED, seats and coupon use back) and the answer is 503 PAYMENT_GATEWAY_UNAVAILABLE with
   * a {@code Retry-After} of what is left of the circuit breaker's open delay.
   */
  @Override
  public Checkout.PaymentDetails open(BookingView booking, long userId) {
    PaymentGateway.Intent intent;
    PaymentGateway gateway = null;
    try {
      gateway = gateways.forEvent(catalog.paymentGatewayOf(booking.eventId()), booking.currency());
      intent =
          gateway.createIntent(
              booking.id(), booking.finalAmount(), booking.currency(), "booking-" + booking.id());
      watchOf(gateway).succeeded();
    } catch (GatewayUnavailable | FaultToleranceException e) {
      Duration retryAfter;
      if (gateway == null) {
        // Refused by this server's configuration before any call: no circuit to count it in.
        retryAfter = REFUSED_RETRY_AFTER;
      } else {
        CircuitWatch watch = watchOf(gateway);
        watch.failed(e);
        retryAfter = watch.retryAfter();
      }
      LOG.log(
          Level.WARNING,
          "payment gateway unavailable for booking {0}; giving the hold back: {1}",
          new Object[] {booking.id(), String.valueOf(e)});
      bookings.cancel(booking.id(), userId);
      throw new UnavailableException(
          PAYMENT_GATEWAY_UNAVAILABLE,
          "Payments are unavailable right now; nothing was booked, try again shortly",
          retryAfter);
    }
    Recorded recorded =
        recorder.submit(
            RECORDS,
            new PaymentLedger.Opening(booking, userId, gateway.provider(), intent),
            MAX_COMBINED,
            0);
    if (recorded.failure() == null) {
      return ecpay.withCheckout(recorded.details());
    }
    // Opened twice for one booking (a replayed answer, its first request still running or gone):
    // the gateway gave the same intent for the same key, and the first record stands.
    return ecpay.withCheckout(ledger.openedFor(booking.id()).orElseThrow(recorded::failure));
  }

  /** The circuit the gateway's calls are counted in: ECPay's own, or Stripe's. */
  private CircuitWatch watchOf(PaymentGateway gateway) {
    return gateway instanceof EcpayGateway ? ecpayCircuit : circuit;
  }

  /** A payment's record stored, or why it was not. */
  private record Recorded(Checkout.PaymentDetails details, RuntimeException failure) {
    static Recorded failed(RuntimeException failure) {
      return new Recorded(null, failure);
    }
  }

  /** The records of concurrent payments, in one transaction. */
  private List<Recorded> recordAll(List<PaymentLedger.Opening> openings) {
    return ledger.recordAll(openings).stream().map(d -> new Recorded(d, null)).toList();
  }

  @Override
  public Checkout.PaymentDetails resume(BookingView booking, long userId) {
    return ledger
        .openedFor(booking.id())
        .map(ecpay::withCheckout)
        .orElseGet(() -> open(booking, userId));
  }

  /**
   * Sandbox only: the booker "pays" their intent, which drives exactly what Stripe's {@code
   * payment_intent.succeeded} drives. 404 PAYMENT_NOT_FOUND when Stripe is configured, or for
   * anyone else's intent.
   */
  public BookingView confirmSandbox(String intentId, long userId) {
    if (!gateways.isSandbox()) {
      throw DomainException.notFound(PAYMENT_NOT_FOUND, "No such payment");
    }
    Payment payment = ledger.ownPayment(intentId, userId);
    if (!"sandbox".equals(payment.provider())) {
      throw DomainException.notFound(PAYMENT_NOT_FOUND, "No such payment");
    }
    succeeded("evt_sandbox_" + intentId, "payment_intent.succeeded", intentId);
    return bookings.get(payment.bookingId(), userId);
  }

  /**
   * A Stripe webhook: 400 INVALID_SIGNATURE unless {@code Stripe-Signature} proves the body came
   * from Stripe within the last 5 minutes. Each event id takes effect once.
   */
  public void webhook(String payload, String signature) {
    String secret =
        gateways
            .webhookSecret()
            .orElseThrow(
                () -> {
                  LOG.warning("Stripe webhook refused: STRIPE_WEBHOOK_SECRET is not configured");
                  return invalidSignature();
                });
    Event event;
    JsonObject object;
    try {
      event = Webhook.constructEvent(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
      object = parse(event.getDataObjectDeserializer().getRawJson());
    } catch (SignatureVerificationException | RuntimeException e) {
      LOG.fine(() -> "Stripe webhook refused: " + e);
      throw invalidSignature();
    }
    String type = event.getType() == null ? "" : event.getType();
    switch (type) {
      case "payment_intent.succeeded" -> succeeded(event.getId(), type, object.getString("id", ""));
      case "payment_intent.payment_failed" ->
          ledger.applyFailed(event.getId(), type, object.getString("id", ""));
      case "charge.refunded" ->
          ledger.applyRefunded(
              event.getId(),
              type,
              object.getString("payment_intent", ""),
              MinorUnits.toAmount(
                  object.getJsonNumber("amount_refunded").longValueExact(),
                  object.getString("currency", "eur")));
      default -> LOG.fine(() -> "Stripe event of type " + type + " ignored");
    }
  }

  /**
   * The payment succeeded. Normally the booking is confirmed with it; when its hold had lapsed, the
   * seats are taken again if still free, and otherwise the money goes back and the attendee is
   * told: never a paid booking without seats. Decision and consequence are one transaction ({@link
   * PaymentLedger#applySucceeded}); the refund itself is sent after its commit.
   */
  void succeeded(String eventId, String eventType, String intentId) {
    PaymentLedger.Succeeded outcome = ledger.applySucceeded(eventId, eventType, intentId);
    switch (outcome) {
      case UNKNOWN ->
          LOG.warning(() -> "payment_intent.succeeded for an unknown intent " + intentId);
      case CONFIRMED_LATE ->
          LOG.info(() -> "late payment " + intentId + ": seats taken again, booking confirmed");
      case REFUNDED ->
          LOG.info(() -> "late payment " + intentId + " can't have its seats back: refunding");
      default -> {
        // Confirmed, or a repeat: nothing more to do.
      }
    }
  }

  /**
   * The organizer refunds a booking in full or in part (see {@link PaymentLedger#requestRefund});
   * the money is sent at once, and retried later when the gateway is down.
   */
  public RefundView refund(long bookingId, long organizerId, BigDecimal amount) {
    long refundId = ledger.requestRefund(bookingId, organizerId, amount);
    send(refundId);
    return ledger.view(refundId);
  }

  /** After a refund was booked and committed: the money is sent back, off the request thread. */
  void afterRefundBooked(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundBooked booked) {
    if (booked.reason() != RefundReason.ORGANIZER) {
      executor.execute(() -> send(booked.refundId()));
    }
  }

  /** Sends one refund to the gateway; a failure leaves it REQUESTED for {@link RefundRetry}. */
  void send(long refundId) {
    ledger
        .outgoing(refundId)
        .ifPresent(
            refund -> {
              CircuitWatch watch =
                  EcpayGateway.PROVIDER.equals(refund.provider()) ? ecpayCircuit : circuit;
              try {
                String gatewayId =
                    gateways
                        .forProvider(refund.provider())
                        .refund(
                            refund.intentId(),
                            refund.amount(),
                            refund.currency(),
                            refund.idempotencyKey());
                watch.succeeded();
                ledger.refundSent(refundId, gatewayId);
              } catch (GatewayUnavailable | FaultToleranceException e) {
                watch.failed(e);
                LOG.log(
                    Level.WARNING,
                    "refund {0} not sent, retried later: {1}",
                    new Object[] {refundId, String.valueOf(e)});
                ledger.refundFailed(refundId);
              }
            });
  }

  private static DomainException invalidSignature() {
    return new DomainException(
        DomainException.Kind.INVALID, INVALID_SIGNATURE, "The Stripe-Signature is not valid");
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
