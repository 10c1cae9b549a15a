package org.boxoffice.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.boxoffice.payments.control.CircuitWatch;
import org.boxoffice.payments.control.EcpayCircuitWatch;
import org.boxoffice.payments.control.Gateways;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The payments check of {@code /health/ready}: DOWN only for a configuration that must not take
 * bookings (the sandbox in production). An open Stripe or ECPay circuit is shown, not DOWN: taking
 * the pod out of the load balancer would not bring the gateway back, and other bookings still work.
 * {@code ecpay} says whether ECPay takes payments here ({@code usable}) or is refused (production
 * with no merchant of its own, or with ECPay's public stage merchant).
 */
@Readiness
@ApplicationScoped
public class PaymentReadiness implements HealthCheck {
  @Inject Gateways gateways;
  @Inject CircuitWatch circuit;
  @Inject EcpayCircuitWatch ecpayCircuit;
  @Inject MetricRegistry metrics;

  void onStart(@Observes Startup startup) {
    metrics.gauge("payment_circuit_open", circuit, c -> c.isOpen() ? 1 : 0);
    metrics.gauge("payment_ecpay_circuit_open", ecpayCircuit, c -> c.isOpen() ? 1 : 0);
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("payments")
        .status(gateways.usable())
        .withData("provider", gateways.isSandbox() ? "sandbox" : "stripe")
        .withData("stripeCircuit", circuit.isOpen() ? "open" : "closed")
        .withData("ecpay", gateways.ecpayUsable() ? "usable" : "refused")
        .withData("ecpayCircuit", ecpayCircuit.isOpen() ? "open" : "closed")
        .build();
  }
}
