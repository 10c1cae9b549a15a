package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.util.TreeMap;

/**
 * What happens to a paid booking once its hold is committed: the payments feature implements it
 * (booking must not depend on payments). It returns what the client needs to pay, or gives the hold
 * back and throws a 503 refusal when payment can't be started.
 */
public interface Checkout {
  /**
   * What a client needs to pay a booking: {@code payment} of the {@code POST /bookings} answer.
   * Defined here, on booking's side, so booking knows its shape without knowing payments.
   */
  @JsonbPropertyOrder({"provider", "paymentIntentId", "clientSecret", "checkoutUrl", "form"})
  record PaymentDetails(
      String provider,
      String paymentIntentId,
      String clientSecret,
      String checkoutUrl,
      PaymentForm form)
      implements Serializable {
    /** A gateway whose client pays with the intent's secret (Stripe, the sandbox). */
    public PaymentDetails(String provider, String paymentIntentId, String clientSecret) {
      this(provider, paymentIntentId, clientSecret, null, null);
    }

    /** The same details with the page a browser is sent to and the form that page posts. */
    public PaymentDetails withCheckout(String checkoutUrl, PaymentForm form) {
      return new PaymentDetails(provider, paymentIntentId, clientSecret, checkoutUrl, form);
    }
  }

  /**
   * A payment page the buyer's browser opens by posting {@code fields} (signed by the gateway's
   * rules) to {@code action}, e.g. ECPay's AioCheckOut.
   */
  @JsonbPropertyOrder({"action", "fields"})
  record PaymentForm(String action, TreeMap<String, String> fields) implements Serializable {}

  /** The payment of a PENDING booking just placed, called after its transaction committed. */
  PaymentDetails open(BookingView booking, long userId);

  /**
   * The payment of a PENDING booking whose stored answer is replayed: the one opened already, or,
   * when its first request never got that far (the server died after the booking's commit), a new
   * one, as {@link #open} makes it.
   */
  PaymentDetails resume(BookingView booking, long userId);
}
