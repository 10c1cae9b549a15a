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
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.boundary.SchemaMigrations;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first admin: created at start-up from {@code BOXOFFICE_ADMIN_EMAIL} and {@code
 * BOXOFFICE_ADMIN_PASSWORD} when no account has that email. Registration never makes an admin;
 * after this one, only an admin does ({@code PUT /users/{id}/role}).
 */
@ApplicationScoped
public class AdminBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject Accounts accounts;
  @Inject SchemaMigrations migrations;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "boxoffice.admin.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "boxoffice.admin.password")
  Optional<String> password;

  private ScheduledFuture<?> waiting;

  // After SchemaMigrations' own start-up observer (default priority), which migrates the schema.
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Startup startup) {
    if (email.isEmpty() || password.isEmpty()) {
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
      if (accounts.findAccount(email.get()).isEmpty()) {
        accounts.createAccount(
            new RegisterRequest(email.get(), password.get(), "Boxoffice", "Admin", null),
            Role.ADMIN);
        LOG.info(() -> "Created the bootstrap admin " + email.get());
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
