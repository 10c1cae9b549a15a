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
import java.util.List;
import java.util.Optional;
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

  /**
   * Marks the email verified, or, for the token of an email change, makes its new address the
   * account's (verified). 400 on an unknown, spent or expired token; 409 {@code EMAIL_TAKEN} when
   * another account took the new address meanwhile.
   */
  @Transactional
  public void verifyEmail(String token) {
    OneTimeToken redeemed =
        redeem(token, OneTimeToken.Purpose.VERIFY_EMAIL, OneTimeToken.Purpose.CHANGE_EMAIL);
    Account account = em.find(Account.class, redeemed.userId(), LockModeType.PESSIMISTIC_WRITE);
    if (redeemed.purpose() == OneTimeToken.Purpose.CHANGE_EMAIL) {
      String previous = account.email();
      accounts.refuseTakenEmail(redeemed.newEmail(), account.id());
      account.changeEmail(redeemed.newEmail());
      accounts.flushOrEmailTaken();
      audit.recordAs(
          account.id(),
          account.email(),
          "auth.email.changed",
          "user",
          Long.toString(account.id()),
          "from " + previous);
      return;
    }
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
   * Starts a change of the account's address: a link to the new address confirms it (until then the
   * account keeps its address), and the current address is told. A newer request replaces an older
   * one. In the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requestEmailChange(Account account, String newEmail) {
    cancelEmailChanges(account.id());
    String token = Secrets.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(VERIFY_EMAIL_TTL);
    em.persist(
        OneTimeToken.emailChange(
            account.id(), newEmail.strip(), Secrets.sha256(token), now, expiresAt));
    emails.fire(
        new AccountEmailRequested(
            AccountEmailRequested.Purpose.CHANGE_EMAIL,
            account.id(),
            newEmail.strip(),
            account.firstName(),
            token,
            expiresAt,
            newEmail.strip(),
            account.locale()));
    emails.fire(
        new AccountEmailRequested(
            AccountEmailRequested.Purpose.EMAIL_CHANGE_NOTICE,
            account.id(),
            account.email(),
            account.firstName(),
            null,
            null,
            newEmail.strip(),
            account.locale()));
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.email.change_requested",
        "user",
        Long.toString(account.id()),
        null);
  }

  /** The address a change waits to confirm, if one is under way. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> pendingEmail(long userId) {
    Instant now = clock.instant();
    return unusedEmailChanges(userId).stream()
        .filter(t -> now.isBefore(t.expiresAt()))
        .map(OneTimeToken::newEmail)
        .findFirst();
  }

  /** Cancels any change of address under way (a newer one, or a password change or reset). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void cancelEmailChanges(long userId) {
    Instant now = clock.instant();
    unusedEmailChanges(userId).forEach(t -> t.cancel(now));
  }

  private List<OneTimeToken> unusedEmailChanges(long userId) {
    return em.createNamedQuery(OneTimeToken.UNUSED_OF_USER, OneTimeToken.class)
        .setParameter("userId", userId)
        .setParameter("purpose", OneTimeToken.Purpose.CHANGE_EMAIL)
        .getResultList();
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
    cancelEmailChanges(account.id());
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.password.reset",
        "user",
        Long.toString(account.id()),
        ended + " sessions ended");
  }

  private OneTimeToken redeem(String token, OneTimeToken.Purpose... purposes) {
    OneTimeToken found =
        em.createNamedQuery(OneTimeToken.BY_HASH, OneTimeToken.class)
            .setParameter("hash", Secrets.sha256(token))
            .setParameter("purposes", List.of(purposes))
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
            purpose,
            account.id(),
            account.email(),
            account.firstName(),
            token,
            expiresAt,
            null,
            account.locale()));
  }
}
