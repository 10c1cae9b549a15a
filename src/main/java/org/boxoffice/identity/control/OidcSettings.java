package org.boxoffice.identity.control;

import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect settings common to every provider, injected with
 * {@code @Inject @ConfigProperties}. Each provider's own settings ({@code OIDC_<NAME>_ISSUER}, ...)
 * have names made from the provider's name, so {@link OidcProviders} reads them one by one; their
 * defaults are there.
 */
@ConfigProperties(prefix = "oidc")
@Dependent
public class OidcSettings {
  /** The configured providers' names, e.g. {@code google,corp}; none: no OpenID Connect sign-in. */
  @ConfigProperty(name = "providers")
  public Optional<List<String>> providers;

  /**
   * The public base URL of the admin pages ({@code https://boxoffice.example.com}) behind a proxy
   * or router; the browser flow's redirect URI is this plus {@code /admin/oidc/callback}. Unset:
   * the URL the request came in on.
   */
  @ConfigProperty(name = "redirect.base.url")
  public Optional<String> redirectBaseUrl;

  /** How long to wait for a provider's TCP connection (discovery, keys, token endpoint). */
  @ConfigProperty(name = "connect.timeout.millis", defaultValue = "2000")
  public int connectTimeoutMillis;

  /** How long to wait for a provider's answer once connected. */
  @ConfigProperty(name = "read.timeout.millis", defaultValue = "5000")
  public int readTimeoutMillis;
}
