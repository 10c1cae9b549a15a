package org.boxoffice.attendee;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.boxoffice.platform.control.ClientAddress;
import org.boxoffice.platform.control.PlatformSettings;
import org.boxoffice.platform.control.SlidingWindow;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The API's per-address limit on its anonymous account entry points ({@code
 * BOXOFFICE_RATE_LIMIT_IP_PER_MINUTE}), for the same actions taken from the pages: signing in,
 * confirming an address, setting a password, asking for a reset link. Each action is its own
 * bucket, per pod, as on the API.
 */
@ApplicationScoped
public class PageLimits {
  @Inject @ConfigProperties PlatformSettings settings;
  @Inject Clock clock;

  private SlidingWindow perIp;

  @PostConstruct
  void createWindow() {
    perIp =
        new SlidingWindow(
            settings.rateLimitIpPerMinute, Duration.ofSeconds(settings.rateLimitWindowSeconds));
  }

  /** True when this request's address may take the action once more now (and counts it). */
  boolean allows(String action) {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String key = "page-" + action + "|" + ClientAddress.of(request, settings.trustForwardedFor);
    return perIp.tryAcquire(key, clock.millis()) == 0;
  }
}
