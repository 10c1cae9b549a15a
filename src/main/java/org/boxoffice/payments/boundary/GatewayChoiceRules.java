package org.boxoffice.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.boxoffice.events.boundary.PaymentGatewayRules;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.payments.control.Gateways;

/** The organizer's choice of gateway checked against what this server's payments can do. */
@ApplicationScoped
public class GatewayChoiceRules implements PaymentGatewayRules {
  @Inject Gateways gateways;

  @Override
  public Optional<String> refusal(PaymentGatewayChoice choice, String currency) {
    return gateways.refusal(choice, currency);
  }
}
