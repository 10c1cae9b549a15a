package org.boxoffice.webhooks.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outgoing webhooks' settings ({@code BOXOFFICE_WEBHOOKS_*}), injected with
 * {@code @Inject @ConfigProperties}. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "boxoffice.webhooks")
@Dependent
public class WebhookSettings {
  /** How often each server's delivery job looks for due deliveries; 0 turns the job off. */
  @ConfigProperty(name = "interval.millis", defaultValue = "2000")
  public long intervalMillis;

  /** How many due deliveries a run claims at once. */
  @ConfigProperty(name = "batch.size", defaultValue = "10")
  public int batchSize;

  /** A delivery is given up (DEAD) after this many failed attempts. */
  @ConfigProperty(name = "max.attempts", defaultValue = "8")
  public int maxAttempts;

  /** The wait after the first failed attempt; it doubles after each further one. */
  @ConfigProperty(name = "backoff.first.millis", defaultValue = "30000")
  public long backoffFirstMillis;

  /** The longest wait between two attempts. */
  @ConfigProperty(name = "backoff.max.millis", defaultValue = "3600000")
  public long backoffMaxMillis;

  /** Connecting to an endpoint fails after this long. */
  @ConfigProperty(name = "connect.timeout.millis", defaultValue = "5000")
  public long connectTimeoutMillis;

  /** One request (connect, send, answer) fails after this long. */
  @ConfigProperty(name = "request.timeout.millis", defaultValue = "10000")
  public long requestTimeoutMillis;

  /** At most this much of an endpoint's answer is read (and kept, shortened, in the log). */
  @ConfigProperty(name = "response.max.bytes", defaultValue = "4096")
  public int responseMaxBytes;

  /**
   * An endpoint is disabled (and its organizer told by email) after this many failed attempts in a
   * row, over all its deliveries, with no success between; 0 never disables.
   */
  @ConfigProperty(name = "disable.after.failures", defaultValue = "50")
  public int disableAfterFailures;

  /** After a secret rotation the previous secret still signs for this long. */
  @ConfigProperty(name = "rotation.grace.seconds", defaultValue = "86400")
  public long rotationGraceSeconds;

  /**
   * Dev and tests only: endpoints on loopback addresses are allowed (a receiver on this machine).
   * Private, link-local and metadata addresses stay refused.
   */
  @ConfigProperty(name = "allow.loopback", defaultValue = "false")
  public boolean allowLoopback;

  /** The delivery log keeps a DELIVERED or DEAD delivery this many days after its last attempt. */
  @ConfigProperty(name = "retention.days", defaultValue = "30")
  public int retentionDays;

  /** How often each server deletes deliveries past their retention; 0 turns the sweep off. */
  @ConfigProperty(name = "retention.sweep.millis", defaultValue = "3600000")
  public long retentionSweepMillis;
}
