package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.Base32;
import org.boxoffice.identity.control.IdentitySettings;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.control.Totp;
import org.boxoffice.identity.control.TotpSecrets;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.RecoveryCode;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/** TOTP second factor: enrolment, confirmation, sign-in check and recovery codes. */
@ApplicationScoped
public class TwoFactor {
  static final int RECOVERY_CODES = 10;

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject TotpSecrets secrets;
  @Inject Clock clock;
  @Inject @ConfigProperties IdentitySettings settings;

  /**
   * Starts enrolment: a new secret and 10 recovery codes, shown once (only their hashes are kept).
   * 2FA is on only after {@link #confirm}; 409 when it is on already.
   */
  @Transactional
  public TotpEnrolment enrol(long userId) {
    Account account = lockedAccount(userId);
    if (account.totpEnabled()) {
      throw DomainException.conflict(
          IdentityErrors.TOTP_ALREADY_ENABLED, "2FA is already on; disable it first");
    }
    String secret = Totp.newSecret();
    account.beginTotpEnrolment(secrets.seal(userId, secret));
    em.createNamedQuery(RecoveryCode.DELETE_OF_USER).setParameter("userId", userId).executeUpdate();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String code = newRecoveryCode();
      codes.add(code);
      em.persist(new RecoveryCode(userId, Secrets.sha256(code)));
    }
    return new TotpEnrolment(Totp.uri(settings.jwtIssuer, account.email(), secret), secret, codes);
  }

  /** Turns 2FA on once the user proves the authenticator app has the secret. */
  @Transactional
  public void confirm(long userId, String code) {
    Account account = lockedAccount(userId);
    if (account.totpEnabled()) {
      throw DomainException.conflict(IdentityErrors.TOTP_ALREADY_ENABLED, "2FA is already on");
    }
    if (account.totpSecret() == null) {
      throw DomainException.conflict(
          IdentityErrors.TOTP_NOT_ENROLLED, "Start TOTP enrolment first (POST /me/totp)");
    }
    if (!acceptsTotpCode(account, code)) {
      throw DomainException.invalid("code", "is not the current code of the authenticator app");
    }
    account.enableTotp();
    audit.record("auth.totp.enabled", "user", Long.toString(userId), null);
  }

  /** Turns 2FA off; the current code (or a recovery code) is required, as for signing in. */
  @Transactional
  public void disable(long userId, String code) {
    Account account = lockedAccount(userId);
    if (!account.totpEnabled()) {
      throw DomainException.conflict(IdentityErrors.TOTP_NOT_ENABLED, "2FA is not on");
    }
    if (!accepts(account, code)) {
      throw DomainException.invalid("code", "is not the current code or an unused recovery code");
    }
    account.disableTotp();
    em.createNamedQuery(RecoveryCode.DELETE_OF_USER).setParameter("userId", userId).executeUpdate();
    audit.record("auth.totp.disabled", "user", Long.toString(userId), null);
  }

  /**
   * Whether the code is a current TOTP code not used before, or an unused recovery code; either is
   * then spent. Call it with the account locked, so two sign-ins cannot spend one code together.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean accepts(Account account, String code) {
    // Sign-in reads the account unlocked: lock and re-read it, so the last accepted step is
    // current.
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    if (acceptsTotpCode(account, code)) {
      return true;
    }
    byte[] hash = Secrets.sha256(normalizeRecoveryCode(code)).getBytes(StandardCharsets.US_ASCII);
    List<RecoveryCode> unused =
        em.createNamedQuery(RecoveryCode.UNUSED_OF_USER, RecoveryCode.class)
            .setParameter("userId", account.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (RecoveryCode candidate : unused) {
      if (MessageDigest.isEqual(candidate.codeHash().getBytes(StandardCharsets.US_ASCII), hash)) {
        candidate.markUsed(clock.instant());
        audit.recordAs(
            account.id(),
            account.email(),
            "auth.totp.recovery_code_used",
            "user",
            Long.toString(account.id()),
            (unused.size() - 1) + " recovery codes left");
        return true;
      }
    }
    return false;
  }

  /** A current code not presented before; a replayed one (same or earlier step) is refused. */
  private boolean acceptsTotpCode(Account account, String code) {
    String stored = account.totpSecret();
    String secret = secrets.open(account.id(), stored);
    if (secrets.needsSealing(stored)) {
      // Written before secrets were encrypted: seal it now that it is read, in this transaction.
      account.replaceStoredTotpSecret(secrets.seal(account.id(), secret));
    }
    OptionalLong step = Totp.matchingStep(secret, code, clock.millis() / 1000);
    return step.isPresent() && account.acceptTotpStep(step.getAsLong());
  }

  private Account lockedAccount(long userId) {
    Account account = em.find(Account.class, userId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    return account;
  }

  /** 10 base32 characters (50 bits) as xxxxx-xxxxx: typed by hand, used once. */
  private static String newRecoveryCode() {
    String raw = Base32.encode(Secrets.randomBytes(7)).substring(0, 10).toLowerCase(Locale.ROOT);
    return raw.substring(0, 5) + "-" + raw.substring(5);
  }

  private static String normalizeRecoveryCode(String code) {
    String raw = code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return raw.length() == 10 ? raw.substring(0, 5) + "-" + raw.substring(5) : raw;
  }
}
