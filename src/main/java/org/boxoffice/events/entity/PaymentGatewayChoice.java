package org.boxoffice.events.entity;

/**
 * Which payment gateway takes an event's bookings. {@code AUTO} lets the currency decide (ECPay for
 * the currencies it serves when it is usable, Stripe or the sandbox otherwise); {@code STRIPE} and
 * {@code ECPAY} pin the event to that gateway, never another.
 */
public enum PaymentGatewayChoice {
  AUTO,
  STRIPE,
  ECPAY
}
