package org.boxoffice.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while TOTP secrets cannot be encrypted (e.g. production without a key). */
@Readiness
@ApplicationScoped
public class TotpSecretsReadiness implements HealthCheck {
  @Inject TotpSecrets secrets;

  @Override
  public HealthCheckResponse call() {
    return secrets
        .failure()
        .map(why -> HealthCheckResponse.named("totp-key").down().withData("reason", why).build())
        .orElseGet(() -> HealthCheckResponse.up("totp-key"));
  }
}
