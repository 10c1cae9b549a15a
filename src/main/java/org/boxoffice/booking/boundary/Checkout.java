package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;

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
  @JsonbPropertyOrder({"provider", "paymentIntentId", "clientSecret"})
  record PaymentDetails(String provider, String paymentIntentId, String clientSecret)
      implements Serializable {}

  /** The payment of a PENDING booking just placed, called after its transaction committed. */
  PaymentDetails open(BookingView booking, long userId);

  /**
   * The payment of a PENDING booking whose stored answer is replayed: the one opened already, or,
   * when its first request never got that far (the server died after the booking's commit), a new
   * one, as {@link #open} makes it.
   */
  PaymentDetails resume(BookingView booking, long userId);
}
