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
import java.util.Optional;
import java.util.UUID;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.IdentitySettings;
import org.boxoffice.identity.control.LoginThrottle;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.control.TokenIssuer;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.RefreshToken;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Sign-in, refresh-token rotation and sign-out. Refusals that must leave a trace (failed sign-in,
 * refresh replay) commit their audit entry and revocation: these methods do not roll back on a
 * {@link DomainException}.
 */
@ApplicationScoped
public class SignIn {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject PasswordHasher hasher;
  @Inject TokenIssuer tokens;
  @Inject LoginThrottle throttle;
  @Inject TwoFactor twoFactor;
  @Inject SessionRevocations revocations;
  @Inject AuditTrail audit;
  @Inject @ConfigProperties IdentitySettings settings;
  @Inject Clock clock;

  /**
   * Checks the credentials (and the TOTP code when the account has 2FA) and opens a session.
   * Unknown email and wrong password get the same answer after the same work; 5 failures a minute
   * block the account (429) whatever the password.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public TokenResponse login(LoginRequest request) {
    tokens.checkAvailable();
    throttle.checkNotBlocked(request.email());
    Optional<Account> found = accounts.findByEmail(request.email());
    if (found.isEmpty()) {
      hasher.burnVerification(request.password());
      throw failed(null, request.email(), "unknown email or wrong password");
    }
    Account account = found.get();
    if (!account.hasPassword()) {
      // An account made by a provider's sign-in: no password to check, the same answer and work.
      hasher.burnVerification(request.password());
      throw failed(account.id(), account.email(), "the account has no password");
    }
    if (!hasher.matches(request.password(), account.passwordHash())) {
      throw failed(account.id(), account.email(), "unknown email or wrong password");
    }
    boolean secondFactor = false;
    if (account.totpEnabled()) {
      if (request.totpCode() == null || request.totpCode().isBlank()) {
        throw DomainException.unauthenticated(
            IdentityErrors.TOTP_REQUIRED, "Send totpCode: this account uses 2FA");
      }
      if (!twoFactor.accepts(account, request.totpCode().strip())) {
        throw failed(account.id(), account.email(), "wrong TOTP or recovery code");
      }
      secondFactor = true;
    }
    throttle.recordSuccess(account.email());
    return openSession(account, secondFactor, secondFactor ? "with TOTP" : null);
  }

  /**
   * Opens an identity session for an account whose credentials were just checked (a password, or a
   * provider's ID token) and issues its tokens, audited as {@code auth.login.success}; in the
   * caller's transaction.
   */
  TokenResponse openSession(Account account, boolean secondFactor, String auditDetails) {
    String refreshToken = Secrets.newToken();
    Instant now = clock.instant();
    Session session =
        new Session(
            UUID.randomUUID().toString(),
            account.id(),
            Secrets.sha256(refreshToken),
            now,
            now.plus(Duration.ofDays(settings.sessionLifetimeDays)));
    em.persist(session);
    // IDENTITY rows are inserted at persist, the session only at flush: insert it first (the FK).
    em.flush();
    em.persist(new RefreshToken(session.id(), Secrets.sha256(refreshToken), now));
    audit.recordAs(
        account.id(), account.email(), "auth.login.success", "session", session.id(), auditDetails);
    return issue(account, session, refreshToken, secondFactor);
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new pair issued. A spent token
   * presented again means it leaked: the whole session is revoked and the answer is 401.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public TokenResponse refresh(String presented) {
    tokens.checkAvailable();
    RefreshToken token =
        em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
            .setParameter("hash", Secrets.sha256(presented))
            .getResultStream()
            .findFirst()
            .orElseThrow(SignIn::invalidRefreshToken);
    // Lock the session first: two refreshes racing with one token are a replay, not two rotations.
    Session session = em.find(Session.class, token.sessionId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(token);
    Instant now = clock.instant();
    Account account = em.find(Account.class, session.userId());
    if (!session.isActive(now)) {
      throw invalidRefreshToken();
    }
    if (token.isUsed()) {
      session.revoke(Session.EndReason.REFRESH_REPLAY, now);
      revocations.revoked(session.id());
      audit.recordAs(
          account.id(),
          account.email(),
          "auth.refresh.replay",
          "session",
          session.id(),
          "a spent refresh token was presented; session revoked");
      throw DomainException.unauthenticated(
          IdentityErrors.REFRESH_TOKEN_REUSED,
          "This refresh token was already used; sign in again");
    }
    token.markUsed(now);
    String next = Secrets.newToken();
    session.rotate(Secrets.sha256(next), now);
    em.persist(new RefreshToken(session.id(), Secrets.sha256(next), now));
    return issue(account, session, next, false);
  }

  /** Ends the caller's session: its refresh token and access tokens stop working. */
  @Transactional
  public void logout(long userId, String sessionId) {
    Session session = em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session != null && session.userId() == userId) {
      session.revoke(Session.EndReason.LOGOUT, clock.instant());
      revocations.revoked(sessionId);
    }
    audit.record("auth.logout", "session", sessionId, null);
  }

  /** Ends every session of the caller. */
  @Transactional
  public void logoutAll(long userId) {
    int ended = endAllSessions(userId, Session.EndReason.LOGOUT_ALL);
    audit.record("auth.logout_all", "user", Long.toString(userId), ended + " sessions ended");
  }

  /** Ends every active session of a user, in the caller's transaction; returns how many. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int endAllSessions(long userId, Session.EndReason reason) {
    return endSessionsExcept(userId, null, reason);
  }

  /** Ends every active session of a user but {@code keep}, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int endSessionsExcept(long userId, String keep, Session.EndReason reason) {
    Instant now = clock.instant();
    var sessions =
        em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
            .setParameter("userId", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int ended = 0;
    for (Session session : sessions) {
      if (!session.id().equals(keep)) {
        session.revoke(reason, now);
        revocations.revoked(session.id());
        ended++;
      }
    }
    return ended;
  }

  private TokenResponse issue(
      Account account, Session session, String refreshToken, boolean secondFactor) {
    String accessToken =
        tokens.issue(account.id(), account.email(), account.role(), session.id(), secondFactor);
    return new TokenResponse(
        accessToken, "Bearer", tokens.lifetimeSeconds(), refreshToken, UserView.of(account));
  }

  private DomainException failed(Long accountId, String email, String why) {
    throttle.recordFailure(email);
    audit.recordAs(accountId, email, "auth.login.failure", "user", null, why);
    return DomainException.unauthenticated(
        IdentityErrors.INVALID_CREDENTIALS, "Email or password is wrong");
  }

  private static DomainException invalidRefreshToken() {
    return DomainException.unauthenticated(
        IdentityErrors.INVALID_REFRESH_TOKEN, "The refresh token is not valid; sign in again");
  }
}
