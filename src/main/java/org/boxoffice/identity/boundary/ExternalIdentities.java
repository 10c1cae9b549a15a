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
import java.util.List;
import java.util.Optional;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.IdTokenUse;
import org.boxoffice.identity.control.LoginThrottle;
import org.boxoffice.identity.control.OidcProvider;
import org.boxoffice.identity.entity.Account;
import org.boxoffice.identity.entity.ExternalIdentity;
import org.boxoffice.identity.entity.ExternalIdentityClaims;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;

/**
 * Accounts' identities at OpenID Connect providers, for claims a provider's ID token already proved
 * ({@link OidcSignIn} checks the token first, outside any transaction). An identity is the pair
 * (provider, subject) and is never matched by email: a first sign-in creates an account, or links
 * to the account of that email only when both the provider and Boxoffice have verified the email.
 */
@ApplicationScoped
public class ExternalIdentities {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject SignIn signIn;
  @Inject TwoFactor twoFactor;
  @Inject LoginThrottle throttle;
  @Inject IdTokenReplays replays;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Signs in with a provider's identity: its account, or a new one, or the account of the same
   * verified email. The account's TOTP rule applies as for the password. Refusals commit their
   * audit entry and nothing else.
   */
  @Transactional(dontRollbackOn = DomainException.class)
  public TokenResponse signIn(
      OidcProvider provider, ExternalIdentityClaims claims, IdTokenUse use, String totp) {
    refuseForeignDomain(provider, claims);
    Optional<ExternalIdentity> known = find(claims.provider(), claims.subject());
    Account account;
    String how;
    if (known.isPresent()) {
      account = em.find(Account.class, known.get().userId(), LockModeType.PESSIMISTIC_WRITE);
      how = "with " + provider.name();
    } else {
      if (claims.email() == null || claims.email().isBlank()) {
        throw refused(
            claims,
            null,
            DomainException.refused(
                IdentityErrors.OIDC_EMAIL_REQUIRED,
                provider.label() + " did not share an email address; allow the email scope"));
      }
      Optional<Account> sameEmail = accounts.findByEmail(claims.email());
      if (sameEmail.isPresent()) {
        Account existing = sameEmail.get();
        if (!claims.emailVerified() || !existing.emailVerified()) {
          throw refused(
              claims,
              existing.id(),
              DomainException.conflict(
                  IdentityErrors.OIDC_LINK_REQUIRED,
                  "An account with this email exists: sign in with its password, then link "
                      + provider.label()
                      + " from your profile (POST /me/identities/"
                      + provider.name()
                      + ")"));
        }
        account = em.find(Account.class, existing.id(), LockModeType.PESSIMISTIC_WRITE);
        how = "with " + provider.name() + ", linked by verified email";
      } else {
        account = null;
        how = "with " + provider.name() + ", new account";
      }
    }
    boolean secondFactor = false;
    if (account != null && account.totpEnabled()) {
      throttle.checkNotBlocked(account.email());
      if (totp == null || totp.isBlank()) {
        throw DomainException.unauthenticated(
            IdentityErrors.TOTP_REQUIRED, "Send totpCode: this account uses 2FA");
      }
      if (!twoFactor.accepts(account, totp.strip())) {
        throttle.recordFailure(account.email());
        audit.recordAs(
            account.id(),
            account.email(),
            "auth.login.failure",
            "user",
            null,
            "wrong TOTP or recovery code (" + provider.name() + ")");
        throw DomainException.unauthenticated(
            IdentityErrors.INVALID_CREDENTIALS, "The authenticator code is wrong");
      }
      secondFactor = true;
    }
    // Last of the checks and before any write: a refusal above leaves the token good for a retry
    // (with the second factor, say), and a replay refused here has written nothing.
    if (use != null) {
      replays.claim(use);
    }
    if (account == null) {
      account = create(provider, claims);
    }
    if (known.isEmpty()) {
      attach(account, claims);
    }
    return signIn.openSession(account, secondFactor, how + (secondFactor ? ", with TOTP" : ""));
  }

  /** Links a provider's identity to the signed-in account. */
  @Transactional
  public IdentityView link(
      long userId, OidcProvider provider, ExternalIdentityClaims claims, IdTokenUse use) {
    refuseForeignDomain(provider, claims);
    Account account = em.find(Account.class, userId, LockModeType.PESSIMISTIC_WRITE);
    Optional<ExternalIdentity> known = find(claims.provider(), claims.subject());
    if (known.isPresent()) {
      if (known.get().userId() == userId) {
        throw DomainException.conflict(
            IdentityErrors.OIDC_ALREADY_LINKED, "This identity is already linked to your account");
      }
      throw DomainException.conflict(
          IdentityErrors.OIDC_IDENTITY_TAKEN,
          "This " + provider.label() + " identity belongs to another Boxoffice account");
    }
    if (identitiesOf(userId).stream().anyMatch(i -> i.provider().equals(provider.name()))) {
      throw DomainException.conflict(
          IdentityErrors.OIDC_ALREADY_LINKED,
          "Your account is linked to another " + provider.label() + " identity; unlink it first");
    }
    replays.claim(use);
    ExternalIdentity linked = attach(account, claims);
    return IdentityView.of(linked);
  }

  /**
   * Unlinks the account's identity at this provider; refused when it is the account's last way to
   * sign in (no password and no other identity).
   */
  @Transactional
  public void unlink(long userId, String provider) {
    Account account = em.find(Account.class, userId, LockModeType.PESSIMISTIC_WRITE);
    List<ExternalIdentity> all = identitiesOf(userId);
    ExternalIdentity identity =
        all.stream()
            .filter(i -> i.provider().equals(provider))
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        IdentityErrors.OIDC_IDENTITY_NOT_LINKED,
                        "Your account has no identity at this provider"));
    if (!account.hasPassword() && all.size() == 1) {
      throw DomainException.conflict(
          IdentityErrors.LAST_SIGN_IN_METHOD,
          "This is your only way to sign in: set a password (password reset) or link another"
              + " provider first");
    }
    em.remove(identity);
    audit.record("auth.oidc.unlinked", "user", Long.toString(userId), provider);
  }

  /** The account's linked identities, oldest first. */
  @Transactional
  public List<IdentityView> identities(long userId) {
    return identitiesOf(userId).stream().map(IdentityView::of).toList();
  }

  private List<ExternalIdentity> identitiesOf(long userId) {
    return em.createNamedQuery(ExternalIdentity.OF_USER, ExternalIdentity.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  private Optional<ExternalIdentity> find(String provider, String subject) {
    return em.createNamedQuery(ExternalIdentity.BY_SUBJECT, ExternalIdentity.class)
        .setParameter("provider", provider)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  private Account create(OidcProvider provider, ExternalIdentityClaims claims) {
    Account account =
        new Account(
            claims.email(),
            null,
            name(claims.givenName(), localPart(claims.email())),
            name(claims.familyName(), "-"),
            provider.roleFor(claims.groups()),
            clock.instant());
    if (claims.emailVerified()) {
      account.markEmailVerified();
    }
    em.persist(account);
    flushOrConflict();
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.oidc.account_created",
        "user",
        Long.toString(account.id()),
        provider.name() + ", role " + account.role());
    return account;
  }

  private ExternalIdentity attach(Account account, ExternalIdentityClaims claims) {
    ExternalIdentity identity =
        new ExternalIdentity(
            account.id(), claims.provider(), claims.subject(), claims.email(), clock.instant());
    em.persist(identity);
    flushOrConflict();
    audit.recordAs(
        account.id(),
        account.email(),
        "auth.oidc.linked",
        "user",
        Long.toString(account.id()),
        claims.provider());
    return identity;
  }

  private void flushOrConflict() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      // A second sign-in of the same person (or another account of that email) raced this one.
      boolean unique =
          Failures.find(e, SQLException.class)
              .map(sql -> "23505".equals(sql.getSQLState()))
              .orElse(false);
      if (unique) {
        throw DomainException.conflict(
            IdentityErrors.OIDC_IDENTITY_TAKEN,
            "This identity or email was just linked by another request; try again");
      }
      throw e;
    }
  }

  private void refuseForeignDomain(OidcProvider provider, ExternalIdentityClaims claims) {
    if (!provider.allowedEmailDomains().isEmpty()
        && !(claims.emailVerified() && provider.allowsDomainOf(claims.email()))) {
      throw refused(
          claims,
          null,
          DomainException.refused(
              IdentityErrors.OIDC_EMAIL_DOMAIN_REFUSED,
              provider.label()
                  + " sign-in is only for verified addresses of "
                  + String.join(", ", provider.allowedEmailDomains())));
    }
  }

  private DomainException refused(
      ExternalIdentityClaims claims, Long accountId, DomainException refusal) {
    audit.recordAs(
        accountId,
        claims.email(),
        "auth.oidc.failure",
        "provider",
        claims.provider(),
        refusal.code() + " (subject " + claims.subject() + ")");
    return refusal;
  }

  private static String name(String given, String fallback) {
    String name = given == null || given.isBlank() ? fallback : given.strip();
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  private static String localPart(String email) {
    int at = email.indexOf('@');
    return at > 0 ? email.substring(0, at) : email;
  }
}
