package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.control.PasswordPolicy;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.OneTimeToken;
import org.boxoffice.identity.entity.PendingEmail;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.boundary.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email verification and password reset by single-use, expiring tokens (24 h and 1 h) kept as
 * SHA-256 hashes. Until the notifications outbox exists, each email is recorded as pending and, in
 * dev only, its token is logged so a developer (and the integration tests) can follow the link.
 */
@ApplicationScoped
public class AccountRecovery {
  private static final Logger LOG = Logger.getLogger(AccountRecovery.class.getName());
  static final Duration VERIFY_EMAIL_TTL = Duration.ofHours(24);
  static final Duration RESET_PASSWORD_TTL = Duration.ofHours(1);

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject SignIn signIn;
  @Inject PasswordHasher hasher;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "boxoffice.env", defaultValue = "dev")
  String environment;

  /** Sends a verification link to a new account, in the registration's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sendVerification(Account account) {
    send(account, OneTimeToken.Purpose.VERIFY_EMAIL, VERIFY_EMAIL_TTL);
  }

  /** Marks the email verified; 400 on an unknown, spent or expired token. */
  @Transactional
  public void verifyEmail(String token) {
    OneTimeToken redeemed = redeem(token, OneTimeToken.Purpose.VERIFY_EMAIL);
    Account account = em.find(Account.class, redeemed.userId(), LockModeType.PESSIMISTIC_WRITE);
    account.markEmailVerified();
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.email.verified",
        "user",
        Long.toString(account.id()),
        null);
  }

  /**
   * Sends a reset link when the email has an account. The caller answers 202 either way, so the
   * endpoint does not tell who has an account.
   */
  @Transactional
  public void requestPasswordReset(String email) {
    accounts
        .findByEmail(email)
        .ifPresent(
            account -> send(account, OneTimeToken.Purpose.RESET_PASSWORD, RESET_PASSWORD_TTL));
  }

  /** Sets a new password (policy applies) and ends every session of the account. */
  @Transactional
  public void confirmPasswordReset(String token, String newPassword) {
    PasswordPolicy.check(newPassword)
        .ifPresent(
            reason -> {
              throw ApiException.invalid("newPassword", reason);
            });
    OneTimeToken redeemed = redeem(token, OneTimeToken.Purpose.RESET_PASSWORD);
    Account account = em.find(Account.class, redeemed.userId(), LockModeType.PESSIMISTIC_WRITE);
    account.changePasswordHash(hasher.hash(newPassword));
    int ended = signIn.endAllSessions(account.id(), Session.EndReason.PASSWORD_RESET);
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.password.reset",
        "user",
        Long.toString(account.id()),
        ended + " sessions ended");
  }

  private OneTimeToken redeem(String token, OneTimeToken.Purpose purpose) {
    OneTimeToken found =
        em.createNamedQuery(OneTimeToken.BY_HASH, OneTimeToken.class)
            .setParameter("hash", Secrets.sha256(token))
            .setParameter("purpose", purpose)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (found == null || !found.redeem(clock.instant())) {
      throw ApiException.invalid("token", "is unknown, already used or expired");
    }
    return found;
  }

  private void send(Account account, OneTimeToken.Purpose purpose, Duration ttl) {
    String token = Secrets.newToken();
    Instant now = clock.instant();
    em.persist(new OneTimeToken(account.id(), purpose, Secrets.sha256(token), now, now.plus(ttl)));
    em.persist(new PendingEmail(account.email(), purpose.name(), now));
    if (!"production".equalsIgnoreCase(environment)) {
      // DEV ONLY: stands in for the email until the notifications outbox exists. Never in
      // production, where the token in a log line would be a credential anyone with logs could use.
      LOG.info("pending email to " + account.email() + ": " + purpose + " token " + token);
    }
  }
}
