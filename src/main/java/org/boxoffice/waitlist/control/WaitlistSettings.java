package org.boxoffice.waitlist.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The waiting-list settings ({@code boxoffice.waitlist.*}, e.g. {@code
 * BOXOFFICE_WAITLIST_OFFER_MINUTES}), read once per bean that injects them with
 * {@code @Inject @ConfigProperties}. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "boxoffice.waitlist")
@Dependent
public class WaitlistSettings {
  /** How long an offer holds its seats for the person it was made to. */
  @ConfigProperty(name = "offer.minutes", defaultValue = "30")
  public long offerMinutes;

  /** Overrides {@link #offerMinutes} (tests). */
  @ConfigProperty(name = "offer.seconds")
  public Optional<Long> offerSeconds;

  /** How often the offer job runs: offers running out, then kept seats turned into offers. */
  @ConfigProperty(name = "interval.seconds", defaultValue = "2")
  public long intervalSeconds;
}
