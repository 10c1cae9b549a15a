package org.boxoffice.payments.control;

/**
 * The gateway an event's organizer chose cannot take its payment on this server (not configured, or
 * refused in production): the booking waits for it rather than going to another gateway.
 */
public class GatewayRefused extends GatewayUnavailable {
  private static final long serialVersionUID = 1L;

  public GatewayRefused(String message) {
    super(message, null);
  }
}
