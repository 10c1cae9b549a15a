package org.boxoffice.booking.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The booking settings ({@code boxoffice.booking.*}, e.g. {@code BOXOFFICE_BOOKING_HOLD_MINUTES}),
 * read once per bean that injects them with {@code @Inject @ConfigProperties}. Each default lives
 * here and nowhere else.
 */
@ConfigProperties(prefix = "boxoffice.booking")
@Dependent
public class BookingSettings {
  /** How long an unpaid hold keeps its seats. */
  @ConfigProperty(name = "hold.minutes", defaultValue = "15")
  public long holdMinutes;

  /** Overrides {@link #holdMinutes} (tests). */
  @ConfigProperty(name = "hold.seconds")
  public Optional<Long> holdSeconds;

  /** How often expired holds are given back. */
  @ConfigProperty(name = "expiry.interval.seconds", defaultValue = "5")
  public long expiryIntervalSeconds;

  /** How long a repeated request waits for the first one with the same idempotency key. */
  @ConfigProperty(name = "idempotency.wait.millis", defaultValue = "10000")
  public long idempotencyWaitMillis;

  /** The most bookings of one event decided in one transaction. */
  @ConfigProperty(name = "batch.max.size", defaultValue = "64")
  public int batchMaxSize;

  /** How long a batch that already has company may wait for more (never when no one else waits). */
  @ConfigProperty(name = "batch.max.wait.millis", defaultValue = "0")
  public long batchMaxWaitMillis;
}
