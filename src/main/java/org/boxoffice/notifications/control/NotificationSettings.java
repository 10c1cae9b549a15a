package org.boxoffice.notifications.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The notifications settings, injected with {@code @Inject @ConfigProperties}. Their names have no
 * common prefix ({@code smtp.*} and {@code boxoffice.*}, e.g. {@code SMTP_HOST}), so each field
 * names its whole property. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "")
@Dependent
public class NotificationSettings {
  /** How often the outbox is sent. */
  @ConfigProperty(name = "boxoffice.outbox.interval.seconds", defaultValue = "5")
  public long outboxIntervalSeconds;

  /** A failing email is retried with exponential backoff and marked DEAD after this many. */
  @ConfigProperty(name = "boxoffice.outbox.max.attempts", defaultValue = "8")
  public int outboxMaxAttempts;

  /**
   * How many senders each server runs at once. Each claims its own batches (SKIP LOCKED, so they
   * never take the same email) and keeps its own SMTP connection open while there is work.
   */
  @ConfigProperty(name = "boxoffice.mail.senders", defaultValue = "2")
  public int mailSenders;

  /** How many emails a sender claims at once and sends over one SMTP connection. */
  @ConfigProperty(name = "boxoffice.mail.batch.size", defaultValue = "20")
  public int mailBatchSize;

  /**
   * At most this many emails per second leave this server, all its senders together (a provider's
   * quota, e.g. Amazon SES's maximum send rate, divided by the number of replicas); 0 for no cap.
   */
  @ConfigProperty(name = "boxoffice.mail.max.per.second", defaultValue = "0")
  public double mailMaxPerSecond;

  /**
   * Where people open the links of account emails (address verification, password reset): the web
   * client that posts the token back to /api/v1/auth/verify-email or /auth/password-reset/confirm.
   */
  @ConfigProperty(name = "boxoffice.public.base.url", defaultValue = "http://localhost:9080")
  public String publicBaseUrl;

  /** With no SMTP host emails stay queued. */
  @ConfigProperty(name = "smtp.host")
  public Optional<String> smtpHost;

  @ConfigProperty(name = "smtp.port", defaultValue = "587")
  public int smtpPort;

  @ConfigProperty(name = "smtp.user")
  public Optional<String> smtpUser;

  @ConfigProperty(name = "smtp.password")
  public Optional<String> smtpPassword;

  @ConfigProperty(name = "smtp.from", defaultValue = "Boxoffice <no-reply@boxoffice.local>")
  public String smtpFrom;

  @ConfigProperty(name = "smtp.tls", defaultValue = "false")
  public boolean smtpTls;
}
