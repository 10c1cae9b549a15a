package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.boxoffice.identity.control.LoginThrottle;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.privacy.boundary.Person;
import org.boxoffice.privacy.boundary.PersonalData;
import org.boxoffice.privacy.control.Rows;

/**
 * The account's part of the export and the erasure: the account, its sessions and their refresh
 * tokens, emailed tokens, recovery codes and linked identities (never a password, token or code
 * hash, nor the TOTP secret). Erasing the account goes last of all features: the others find the
 * person's rows by the address it still holds until then.
 */
@ApplicationScoped
public class AccountPrivacy implements PersonalData {
  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottle throttle;
  @Inject TwoFactor twoFactor;
  @Inject SignIn signIn;

  /** The person behind an account, for an export. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Person person(long userId) {
    return personOf(account(userId, LockModeType.NONE));
  }

  /**
   * The person behind the account, once the caller proved again who they are: the account's
   * password, or a current TOTP code (or an unused recovery code) when 2FA is on. The account stays
   * locked until the caller's transaction ends.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Person reauthenticate(long userId, String password, String totpCode) {
    Account account = account(userId, LockModeType.PESSIMISTIC_WRITE);
    throttle.checkNotBlocked(account.email());
    boolean proved =
        (password != null
                && account.hasPassword()
                && hasher.matches(password, account.passwordHash()))
            || (totpCode != null && account.totpEnabled() && twoFactor.accepts(account, totpCode));
    if (!proved) {
      throttle.recordFailure(account.email());
      throw DomainException.invalid(
          password != null || totpCode == null ? "password" : "totpCode",
          "is not the account's password or a current code of its second factor");
    }
    return personOf(account);
  }

  @Override
  public Map<String, JsonArray> export(Person person) {
    Map<String, JsonArray> tables = new LinkedHashMap<>();
    tables.put(
        "users",
        Rows.select(
            em,
            "id, email, first_name, last_name, role, email_verified, created_at, totp_enabled",
            "FROM users WHERE id = ?1",
            person.id()));
    tables.put(
        "sessions",
        Rows.select(
            em,
            "id, created_at, expires_at, revoked_at, revoked_reason, rotated_count",
            "FROM sessions WHERE user_id = ?1 ORDER BY created_at",
            person.id()));
    tables.put(
        "refresh_tokens",
        Rows.select(
            em,
            "r.id, r.session_id, r.issued_at, r.used_at",
            "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE s.user_id = ?1"
                + " ORDER BY r.id",
            person.id()));
    tables.put(
        "one_time_tokens",
        Rows.select(
            em,
            "id, purpose, created_at, expires_at, used_at, new_email",
            "FROM one_time_tokens WHERE user_id = ?1 ORDER BY id",
            person.id()));
    tables.put(
        "totp_recovery_codes",
        Rows.select(
            em,
            "id, used_at",
            "FROM totp_recovery_codes WHERE user_id = ?1 ORDER BY id",
            person.id()));
    tables.put(
        "external_identities",
        Rows.select(
            em,
            "id, provider, subject, email, linked_at",
            "FROM external_identities WHERE user_id = ?1 ORDER BY id",
            person.id()));
    return tables;
  }

  @Override
  public void erase(Person person) {
    account(person.id(), LockModeType.PESSIMISTIC_WRITE)
        .erase(person.pseudonymEmail(), Person.ERASED);
    signIn.endAllSessions(person.id(), Session.EndReason.ACCOUNT_ERASED);
    for (String table : new String[] {"one_time_tokens", "totp_recovery_codes"}) {
      em.createNativeQuery("DELETE FROM " + table + " WHERE user_id = ?1")
          .setParameter(1, person.id())
          .executeUpdate();
    }
    em.createNativeQuery("DELETE FROM external_identities WHERE user_id = ?1")
        .setParameter(1, person.id())
        .executeUpdate();
  }

  @Override
  public int erasureOrder() {
    return Integer.MAX_VALUE;
  }

  private Account account(long userId, LockModeType lock) {
    Account account = em.find(Account.class, userId, lock);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    return account;
  }

  private static Person personOf(Account account) {
    return new Person(account.id(), account.email(), account.firstName(), account.lastName());
  }
}
