package org.boxoffice.identity.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.identity.control.IdentitySettings;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The first admin: created at start-up from {@code BOXOFFICE_ADMIN_EMAIL} and {@code
 * BOXOFFICE_ADMIN_PASSWORD} when no account has that email. Registration never makes an admin;
 * after this one, only an admin does ({@code PUT /users/{id}/role}).
 */
@ApplicationScoped
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject Accounts accounts;
  @Inject @ConfigProperties IdentitySettings settings;
  @Inject SchemaMigrations migrations;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> waiting;

  // After SchemaMigrations' own start-up observer (default priority), which migrates the schema.
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Startup startup) {
    if (settings.adminEmail.isEmpty() || settings.adminPassword.isEmpty()) {
      return;
    }
    if (!createIfReady()) {
      waiting = scheduler.scheduleWithFixedDelay(this::createIfReady, 5, 5, TimeUnit.SECONDS);
    }
  }

  private synchronized boolean createIfReady() {
    if (!migrations.isComplete()) {
      return false;
    }
    try {
      if (accounts.findAccount(settings.adminEmail.get()).isEmpty()) {
        accounts.createAccount(
            new RegisterRequest(
                settings.adminEmail.get(),
                settings.adminPassword.get(),
                "Boxoffice",
                "Admin",
                null),
            Role.ADMIN);
        LOG.info(() -> "Created the bootstrap admin " + settings.adminEmail.get());
      }
    } catch (DomainException e) {
      LOG.log(Level.SEVERE, "Could not create the bootstrap admin: {0}", e.getMessage());
    }
    if (waiting != null) {
      waiting.cancel(false);
    }
    return true;
  }

  @PreDestroy
  void stopWaiting() {
    if (waiting != null) {
      waiting.cancel(false);
    }
  }
}
