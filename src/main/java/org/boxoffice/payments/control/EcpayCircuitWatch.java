package org.boxoffice.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * ECPay's circuit as its callers see it, apart from Stripe's: an ECPay outage must not make a
 * Stripe booking wait, nor the other way round.
 */
@ApplicationScoped
@Typed(EcpayCircuitWatch.class)
public class EcpayCircuitWatch extends CircuitWatch {}
