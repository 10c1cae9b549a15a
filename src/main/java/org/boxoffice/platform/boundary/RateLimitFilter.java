package org.boxoffice.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.boxoffice.platform.control.ClientAddress;
import org.boxoffice.platform.control.PlatformSettings;
import org.boxoffice.platform.control.SlidingWindow;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * In-process sliding-window limits: per signed-in user on the whole API, and per client IP on the
 * entry points marked {@link PerIpLimit}. It runs after authentication and authorization, so a
 * refused token never counts against a user. Per replica: see README for several replicas.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {
  @Inject Clock clock;
  @Inject @ConfigProperties PlatformSettings settings;

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  private SlidingWindow perUser;
  private SlidingWindow perIp;

  @Override
  public void filter(ContainerRequestContext request) {
    long now = clock.millis();
    Method method = resource.getResourceMethod();
    PerIpLimit ipLimit = method == null ? null : method.getAnnotation(PerIpLimit.class);
    if (ipLimit != null) {
      String key =
          ipLimit.value() + "|" + ClientAddress.of(servletRequest, settings.trustForwardedFor);
      long wait = perIp.tryAcquire(key, now);
      if (wait > 0) {
        throw new RateLimitedException("Too many requests from this address", wait);
      }
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal != null && principal.getName() != null) {
      long wait = perUser.tryAcquire(principal.getName(), now);
      if (wait > 0) {
        throw new RateLimitedException("Too many requests; slow down", wait);
      }
    }
  }

  @PostConstruct
  void createWindows() {
    perUser =
        new SlidingWindow(
            settings.rateLimitPerMinute, Duration.ofSeconds(settings.rateLimitWindowSeconds));
    perIp =
        new SlidingWindow(
            settings.rateLimitIpPerMinute, Duration.ofSeconds(settings.rateLimitWindowSeconds));
  }
}
