package org.boxoffice.media.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.boxoffice.media.control.ImageStores;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The image store's part of {@code /health/ready}: which store, and whether it answered its last
 * round trip (checked every few seconds off the probe's path, so a hanging store never slows the
 * probe). Shown, never DOWN: taking the pod out of the load balancer would not bring the store
 * back, and bookings and the catalog do not need it; uploads answer 503 meanwhile.
 */
@Readiness
@ApplicationScoped
public class ImageStoreReadiness implements HealthCheck {
  private static final long CHECK_EVERY_SECONDS = 5;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ImageStores stores;

  private volatile String state = "unknown";
  private ScheduledFuture<?> task;

  void onStart(@Observes Startup startup) {
    task = scheduler.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
  }

  void check() {
    try {
      stores.store().check();
      state = "reachable";
    } catch (RuntimeException e) {
      state = "unreachable";
    }
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("image-store")
        .up()
        .withData("store", stores.store().kind())
        .withData("state", state)
        .build();
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
