package org.boxoffice.payments.control;

/** The payment provider could not be reached, timed out, or its circuit is open. */
public class GatewayUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GatewayUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
