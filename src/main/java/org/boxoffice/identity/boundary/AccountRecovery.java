package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.control.PasswordPolicy;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.OneTimeToken;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.entity.DomainException;

/**
 * Email verification and password reset by single-use, expiring tokens (24 h and 1 h) kept as
 * SHA-256 hashes. The token in clear goes only into the email: an {@link AccountEmailRequested}
 * event that the notifications outbox turns into a queued email in the same transaction.
 */
@ApplicationScoped
public class AccountRecovery {
  static final Duration VERIFY_EMAIL_TTL = Duration.ofHours(24);
  static final Duration RESET_PASSWORD_TTL = Duration.ofHours(1);

  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject SignIn signIn;
  @Inject PasswordHasher hasher;
  @Inject AuditTrail audit;
  @Inject Clock clock;
  @Inject Event<AccountEmailRequested> emails;

  /** Sends a verification link to a new account, in the registration's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sendVerification(Account account) {
    send(account, AccountEmailRequested.Purpose.VERIFY_EMAIL, VERIFY_EMAIL_TTL);
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
            account ->
                send(account, AccountEmailRequested.Purpose.RESET_PASSWORD, RESET_PASSWORD_TTL));
  }

  /** Sets a new password (policy applies) and ends every session of the account. */
  @Transactional
  public void confirmPasswordReset(String token, String newPassword) {
    PasswordPolicy.check(newPassword)
        .ifPresent(
            reason -> {
              throw DomainException.invalid("newPassword", reason);
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
      throw DomainException.invalid("token", "is unknown, already used or expired");
    }
    return found;
  }

  private void send(Account account, AccountEmailRequested.Purpose purpose, Duration ttl) {
    String token = Secrets.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    em.persist(
        new OneTimeToken(
            account.id(),
            OneTimeToken.Purpose.valueOf(purpose.name()),
            Secrets.sha256(token),
            now,
            expiresAt));
    emails.fire(
        new AccountEmailRequested(
            purpose, account.id(), account.email(), account.firstName(), token, expiresAt));
  }
}
