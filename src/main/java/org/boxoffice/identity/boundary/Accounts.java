package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.PasswordHasher;
import org.boxoffice.identity.control.PasswordPolicy;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.ExternalIdentity;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.identity.entity.Session;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.Languages;

/** Accounts: registration, roles and look-up. Transactions begin and end here. */
@ApplicationScoped
public class Accounts {
  @PersistenceContext EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject AccountRecovery recovery;
  @Inject SignIn signIn;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Creates an attendee or organizer account whose emails are in the language {@code locale} (a tag
   * of {@code Languages}); 409 EMAIL_TAKEN when the email is in use.
   */
  @Transactional
  public UserView register(RegisterRequest request, String locale) {
    PasswordPolicy.check(request.password())
        .ifPresent(
            reason -> {
              throw DomainException.invalid("password", reason);
            });
    Role role = request.accountType() == null ? Role.ATTENDEE : Role.valueOf(request.accountType());
    Account account = create(request, role);
    account.preferLocale(locale);
    recovery.sendVerification(account);
    return UserView.of(account);
  }

  /**
   * Creates an account with any role; for the bootstrap admin and demo data, not for the API. The
   * password policy applies all the same.
   */
  @Transactional
  public UserView createAccount(RegisterRequest request, Role role) {
    PasswordPolicy.check(request.password())
        .ifPresent(
            reason -> {
              throw DomainException.invalid("password", reason);
            });
    return UserView.of(create(request, role));
  }

  /** The language of the account's emails (English for an unknown account). */
  @Transactional
  public Locale locale(long id) {
    Account account = em.find(Account.class, id);
    return Languages.of(account == null ? null : account.locale());
  }

  /** The account with this email, if any. */
  @Transactional
  public Optional<UserView> findAccount(String email) {
    return findByEmail(email).map(UserView::of);
  }

  private Account create(RegisterRequest request, Role role) {
    refuseTakenEmail(request.email(), null);
    Account account =
        new Account(
            request.email(),
            hasher.hash(request.password()),
            request.firstName(),
            request.lastName(),
            role,
            clock.instant());
    em.persist(account);
    flushOrEmailTaken();
    return account;
  }

  /** 409 {@code EMAIL_TAKEN} when an account other than {@code ownerId} has this email. */
  void refuseTakenEmail(String email, Long ownerId) {
    Optional<Account> holder = findByEmail(email);
    if (holder.isPresent() && !holder.get().id().equals(ownerId)) {
      throw DomainException.conflict(
          IdentityErrors.EMAIL_TAKEN, "An account with this email already exists");
    }
  }

  /** Writes now; two accounts that raced past the check for one email: the unique index decides. */
  void flushOrEmailTaken() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw DomainException.conflict(
            IdentityErrors.EMAIL_TAKEN, "An account with this email already exists");
      }
      throw e;
    }
  }

  /**
   * Gives a user another role (ADMIN only, checked by the resource). The user's sessions end, so
   * the new role (a demotion especially) applies at once instead of when the access token expires.
   */
  @Transactional
  public UserView changeRole(long id, Role role) {
    Account account = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    Role previous = account.role();
    account.changeRole(role);
    int ended = signIn.endAllSessions(id, Session.EndReason.ROLE_CHANGED);
    audit.record(
        "user.role.changed",
        "user",
        Long.toString(id),
        previous + " -> " + role + "; " + ended + " sessions ended");
    return UserView.of(account);
  }

  @Transactional
  public UserView user(long id) {
    Account account = em.find(Account.class, id);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    return UserView.of(account);
  }

  /**
   * The user's role, for a credential that acts as them (an API token); empty when the account is
   * gone. REQUIRED: the caller's short transaction reads it on its own connection.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<String> roleOf(long id) {
    Account account = em.find(Account.class, id);
    return account == null ? Optional.empty() : Optional.of(account.role().name());
  }

  /** The user with how they sign in: password or not, linked identities. */
  @Transactional
  public CurrentUser current(long id) {
    Account account = em.find(Account.class, id);
    if (account == null) {
      throw DomainException.notFound(IdentityErrors.USER_NOT_FOUND, "No such user");
    }
    java.util.List<IdentityView> identities =
        em.createNamedQuery(ExternalIdentity.OF_USER, ExternalIdentity.class)
            .setParameter("userId", id)
            .getResultStream()
            .map(IdentityView::of)
            .toList();
    return new CurrentUser(
        account.id(),
        account.email(),
        account.firstName(),
        account.lastName(),
        account.role().name(),
        account.emailVerified(),
        account.hasPassword(),
        recovery.pendingEmail(id).orElse(null),
        account.locale(),
        identities);
  }

  Optional<Account> findByEmail(String email) {
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("emailLower", Account.normalize(email))
        .getResultStream()
        .findFirst();
  }

  private static boolean isUniqueViolation(PersistenceException e) {
    return Failures.find(e, SQLException.class)
        .map(sql -> "23505".equals(sql.getSQLState()))
        .orElse(false);
  }

  /**
   * Users by id, for features that show who did something (attendee lists); unknown ids are left
   * out.
   */
  @Transactional
  public java.util.Map<Long, UserView> users(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return java.util.Map.of();
    }
    return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
        .setParameter("ids", java.util.Set.copyOf(ids))
        .getResultStream()
        .collect(java.util.stream.Collectors.toMap(Account::id, UserView::of));
  }
}
