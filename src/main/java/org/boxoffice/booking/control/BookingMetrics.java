package org.boxoffice.booking.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Business counters at /metrics: {@code bookings_created_total{mp_scope="application"}} etc. */
@ApplicationScoped
public class BookingMetrics {
  @Inject MetricRegistry registry;

  public void created() {
    registry.counter("bookings.created").inc();
  }

  public void confirmed() {
    registry.counter("bookings.confirmed").inc();
  }

  public void expired(long count) {
    if (count > 0) {
      registry.counter("bookings.expired").inc(count);
    }
  }

  public void cancelled(long count) {
    if (count > 0) {
      registry.counter("bookings.cancelled").inc(count);
    }
  }
}
