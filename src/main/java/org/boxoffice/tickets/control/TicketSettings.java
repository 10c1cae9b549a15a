package org.boxoffice.tickets.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tickets settings ({@code qr.*}, e.g. {@code QR_SIGNING_KEY}), injected with
 * {@code @Inject @ConfigProperties}.
 */
@ConfigProperties(prefix = "qr")
@Dependent
public class TicketSettings {
  /** The key QR codes are signed with; a dev key outside production when unset. */
  @ConfigProperty(name = "signing.key")
  public Optional<String> signingKey;

  /** Keys of a rotation still accepted when checking in. */
  @ConfigProperty(name = "previous.signing.keys")
  public Optional<String> previousSigningKeys;
}
