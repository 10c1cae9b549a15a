package org.boxoffice.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.platform.boundary.RateLimitedException;
import org.boxoffice.platform.control.SlidingWindow;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Failed sign-ins per account (by email, known or not): after {@code max} failures in the window
 * the account is blocked until the oldest failure leaves it, even for the right password, so a
 * guesser learns nothing from the block. In-process, per replica.
 */
@ApplicationScoped
public class LoginThrottle {
  @Inject Clock clock;
  @Inject @ConfigProperties IdentitySettings settings;

  private SlidingWindow failures;

  @PostConstruct
  void createWindow() {
    failures =
        new SlidingWindow(
            settings.loginFailuresMax, Duration.ofSeconds(settings.loginFailuresWindowSeconds));
  }

  /** Refuses with 429 while the account is blocked. */
  public void checkNotBlocked(String email) {
    long wait = failures.blockedFor(Account.normalize(email), clock.millis());
    if (wait > 0) {
      throw new RateLimitedException("Too many failed sign-ins; try again later", wait);
    }
  }

  public void recordFailure(String email) {
    failures.record(Account.normalize(email), clock.millis());
  }

  public void recordSuccess(String email) {
    failures.reset(Account.normalize(email));
  }
}
