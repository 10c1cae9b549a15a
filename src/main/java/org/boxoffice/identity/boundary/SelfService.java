package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.LoginThrottle;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.control.PasswordPolicy;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.Languages;

/**
 * What a signed-in user changes of their own account: names, email address (confirmed by a link to
 * the new address, the old one told), password (the current one required; the other sessions end),
 * and their sessions.
 */
@ApplicationScoped
public class SelfService {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject AccountRecovery recovery;
  @Inject SignIn signIn;
  @Inject SessionRevocations revocations;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Changes the names at once; a new email only once its link is opened. 409 {@code EMAIL_TAKEN}
   * when another account has that email.
   */
  @Transactional
  public CurrentUser change(long userId, ProfileChange change) {
    Account account = lock(userId);
    if (change.firstName() != null || change.lastName() != null) {
      account.rename(change.firstName(), change.lastName());
      audit.recordAs(
          userId, account.email(), "user.profile.changed", "user", Long.toString(userId), null);
    }
    if (change.locale() != null) {
      account.preferLocale(Languages.of(change.locale()).toLanguageTag());
    }
    if (change.email() != null
        && !Account.normalize(change.email()).equals(Account.normalize(account.email()))) {
      accounts.refuseTakenEmail(change.email(), userId);
      recovery.requestEmailChange(account, change.email());
    }
    em.flush();
    return accounts.current(userId);
  }

  /**
   * Sets a new password after checking the current one, and ends every other session of the account
   * (and any change of address under way). A wrong current password counts as a failed sign-in for
   * the throttle; an account without a password sets one by the password reset.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public void changePassword(long userId, String sessionId, PasswordChange change) {
    Account account = lock(userId);
    if (!account.hasPassword()) {
      throw DomainException.conflict(
          IdentityErrors.PASSWORD_NOT_SET,
          "This account has no password yet: set one with the password reset");
    }
    throttle.checkNotBlocked(account.email());
    if (!hasher.matches(change.currentPassword(), account.passwordHash())) {
      throttle.recordFailure(account.email());
      audit.recordAs(
          userId,
          account.email(),
          "auth.password.change_failed",
          "user",
          Long.toString(userId),
          "wrong current password");
      throw DomainException.invalid("currentPassword", "is not the account's current password");
    }
    PasswordPolicy.check(change.newPassword())
        .ifPresent(
            reason -> {
              throw DomainException.invalid("newPassword", reason);
            });
    account.changePasswordHash(hasher.hash(change.newPassword()));
    int ended = signIn.endSessionsExcept(userId, sessionId, Session.EndReason.PASSWORD_CHANGED);
    recovery.cancelEmailChanges(userId);
    throttle.recordSuccess(account.email());
    audit.recordAs(
        userId,
        account.email(),
        "auth.password.changed",
        "user",
        Long.toString(userId),
        ended + " other sessions ended");
  }

  /** The account's active sessions, newest first; {@code current} marks the caller's. */
  @Transactional
  public List<SessionView> sessions(long userId, String currentSessionId) {
    Instant now = clock.instant();
    return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
        .setParameter("userId", userId)
        .getResultStream()
        .filter(s -> s.isActive(now))
        .sorted(Comparator.comparing(Session::createdAt).reversed())
        .map(s -> SessionView.of(s, currentSessionId))
        .toList();
  }

  /** Ends one of the account's sessions; 404 {@code SESSION_NOT_FOUND} for any other. */
  @Transactional
  public void endSession(long userId, String sessionId) {
    Session session =
        sessionId == null
            ? null
            : em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session == null || session.userId() != userId || !session.isActive(clock.instant())) {
      throw DomainException.notFound(
          IdentityErrors.SESSION_NOT_FOUND, "You have no active session with this id");
    }
    session.revoke(Session.EndReason.ENDED_BY_OWNER, clock.instant());
    revocations.revoked(sessionId);
    audit.record("auth.session.ended", "session", sessionId, "by its owner");
  }

  private Account lock(long userId) {
    Account account = em.find(Account.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    return account;
  }
}
