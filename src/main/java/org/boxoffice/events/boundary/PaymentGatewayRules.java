package org.boxoffice.events.boundary;

import java.util.Optional;
import org.boxoffice.events.entity.PaymentGatewayChoice;

/**
 * Whether this server can take an event's payments through the gateway its organizer chose, as the
 * payments feature knows it: events asks before storing a choice, so an organizer is told at once
 * rather than their buyers at checkout.
 */
public interface PaymentGatewayRules {
  /**
   * Why payments in {@code currency} cannot go through {@code choice} here; empty when they can.
   */
  Optional<String> refusal(PaymentGatewayChoice choice, String currency);
}
