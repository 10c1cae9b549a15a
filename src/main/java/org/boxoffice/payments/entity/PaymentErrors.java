package org.boxoffice.payments.entity;

/** The error codes the payments feature answers with. */
public final class PaymentErrors {
  public static final String PAYMENT_GATEWAY_UNAVAILABLE = "PAYMENT_GATEWAY_UNAVAILABLE";
  public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";
  public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
  public static final String NOT_REFUNDABLE = "NOT_REFUNDABLE";
  public static final String REFUND_TOO_LARGE = "REFUND_TOO_LARGE";
  public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

  private PaymentErrors() {}
}
