package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while access tokens cannot be signed (e.g. production without configured keys). */
@Readiness
@ApplicationScoped
public class JwtKeysReadiness implements HealthCheck {
  @Inject JwtKeys keys;

  @Override
  public HealthCheckResponse call() {
    return keys.failure()
        .map(why -> HealthCheckResponse.named("jwt-keys").down().withData("reason", why).build())
        .orElseGet(() -> HealthCheckResponse.up("jwt-keys"));
  }
}
