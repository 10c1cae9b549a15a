package org.boxoffice.tickets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while ticket codes cannot be signed (e.g. production without QR_SIGNING_KEY). */
@Readiness
@ApplicationScoped
public class QrKeysReadiness implements HealthCheck {
  @Inject QrKeys keys;

  @Override
  public HealthCheckResponse call() {
    return keys.failure()
        .map(why -> HealthCheckResponse.named("qr-key").down().withData("reason", why).build())
        .orElseGet(() -> HealthCheckResponse.up("qr-key"));
  }
}
