package org.boxoffice.events.entity;

/**
 * Which payment gateway takes an event's bookings. {@code AUTO} lets the currency decide (ECPay for
 * the currencies it serves when it is usable, Stripe or the sandbox otherwise); {@code STRIPE} and
 * {@code ECPAY} pin the event to that gateway, never another.
 */
public enum PaymentGatewayChoice {
  AUTO,
  STRIPE,
  ECPAY;

  /** The request field's documentation, on create and update alike. */
  public static final String FIELD_DESCRIPTION =
      "The gateway that takes this event's payments. AUTO: the currency decides (ECPay for TWD"
          + " where it is usable, Stripe or the sandbox otherwise). STRIPE or ECPAY: that gateway"
          + " only; while it cannot take a payment, bookings are refused with 503"
          + " PAYMENT_GATEWAY_UNAVAILABLE, never sent to another.";

  /** The values a request may give, as a bean-validation pattern. */
  public static final String PATTERN = "AUTO|STRIPE|ECPAY";
}
