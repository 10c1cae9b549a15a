package org.boxoffice.platform.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings every feature shares ({@code boxoffice.*}, e.g. {@code BOXOFFICE_ENV}), read once
 * per bean that injects them with {@code @Inject @ConfigProperties}. Each default lives here and
 * nowhere else.
 */
@ConfigProperties(prefix = "boxoffice")
@Dependent
public class PlatformSettings {
  /** {@code production} refuses dev keys and the sandbox payment gateway. */
  @ConfigProperty(name = "env", defaultValue = "dev")
  public String env;

  /**
   * Where key material is kept; server.xml sets it to the server's output directory, this default
   * only serves code outside Liberty.
   */
  @ConfigProperty(name = "data.dir", defaultValue = "data")
  public String dataDir;

  /** The largest request body accepted. */
  @ConfigProperty(name = "max.body.bytes", defaultValue = "1048576")
  public long maxBodyBytes;

  /**
   * The largest event image upload ({@code PUT /api/v1/events/{id}/image}), the one body allowed
   * past {@link #maxBodyBytes}; media refuses anything larger too.
   */
  @ConfigProperty(name = "image.max.bytes", defaultValue = "5242880")
  public long imageMaxBytes;

  /** The origins allowed by CORS, comma-separated; none when unset. */
  @ConfigProperty(name = "cors.origins")
  public Optional<String> corsOrigins;

  /** Requests per signed-in user per window, per replica (in-process sliding windows). */
  @ConfigProperty(name = "rate.limit.per.minute", defaultValue = "100")
  public int rateLimitPerMinute;

  /** Requests per client address per window on login, register, refresh and the like. */
  @ConfigProperty(name = "rate.limit.ip.per.minute", defaultValue = "60")
  public int rateLimitIpPerMinute;

  @ConfigProperty(name = "rate.limit.window.seconds", defaultValue = "60")
  public int rateLimitWindowSeconds;

  /** Whether {@code X-Forwarded-For} names the client (only behind a proxy that sets it). */
  @ConfigProperty(name = "trust.forwarded.for", defaultValue = "false")
  public boolean trustForwardedFor;
}
