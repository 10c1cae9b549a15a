package org.boxoffice.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/**
 * Liveness and start-up. Both stay UP while the database is down: restarting the pod would not
 * bring the database back, and readiness already takes it out of the load balancer.
 */
@ApplicationScoped
public class ApplicationHealth {
  @Produces
  @Liveness
  HealthCheck live() {
    return () -> HealthCheckResponse.up("application");
  }

  @Produces
  @Startup
  HealthCheck started() {
    return () -> HealthCheckResponse.up("application-started");
  }
}
