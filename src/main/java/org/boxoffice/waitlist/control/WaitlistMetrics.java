package org.boxoffice.waitlist.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Waiting-list counters at /metrics: {@code waitlist_entries_total{mp_scope="application"}}, {@code
 * waitlist_offers_made_total}, {@code waitlist_offers_claimed_total}, {@code
 * waitlist_offers_expired_total}.
 */
@ApplicationScoped
public class WaitlistMetrics {
  @Inject MetricRegistry registry;

  public void joined() {
    registry.counter("waitlist.entries").inc();
  }

  public void offered() {
    registry.counter("waitlist.offers.made").inc();
  }

  public void claimed() {
    registry.counter("waitlist.offers.claimed").inc();
  }

  public void expired(long count) {
    if (count > 0) {
      registry.counter("waitlist.offers.expired").inc(count);
    }
  }
}
