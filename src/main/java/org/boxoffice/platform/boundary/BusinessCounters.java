package org.boxoffice.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Registers the business counters at start, at zero. The features increment them where things
 * happen ({@code registry.counter("bookings.created").inc()}); a counter that exists only after its
 * first increment would be missing from {@code /metrics} on a fresh pod, and Prometheus' {@code
 * increase()} misses the first event of a series that appears at 1. The names are the contract with
 * the dashboard and alert rules in {@code kubernetes/monitoring/} (checked by {@code MetricsIT}).
 */
@ApplicationScoped
public class BusinessCounters {
  static final List<String> NAMES =
      List.of(
          "bookings.created",
          "bookings.confirmed",
          "bookings.expired",
          "bookings.cancelled",
          "payments.succeeded",
          "payments.failed",
          "refunds.sent",
          // emails.sent and emails.failed (by reason) are registered by the outbox sender.
          "tickets.checked_in",
          "waitlist.entries",
          "waitlist.offers.made",
          "waitlist.offers.claimed",
          "waitlist.offers.expired");

  @Inject MetricRegistry registry;

  void onStart(@Observes Startup startup) {
    NAMES.forEach(registry::counter);
  }
}
