package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import org.boxoffice.platform.entity.DomainException;

/** A person who signs in: attendee, organizer or admin. */
@Entity
@Table(name = "users")
@NamedQuery(
    name = Account.BY_EMAIL,
    query = "SELECT a FROM Account a WHERE a.emailLower = :emailLower")
public class Account {
  public static final String BY_EMAIL = "Account.byEmail";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String email;

  @Column(name = "email_lower", nullable = false)
  private String emailLower;

  /** Null for an account made by an OpenID Connect sign-in, until a password reset sets one. */
  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "first_name", nullable = false)
  private String firstName;

  @Column(name = "last_name", nullable = false)
  private String lastName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "totp_secret")
  private String totpSecret;

  @Column(name = "totp_enabled", nullable = false)
  private boolean totpEnabled;

  /** The language of the account's emails: a tag of {@code Languages}. */
  @Column(nullable = false)
  private String locale = "en";

  /** The last TOTP time step accepted: a code of this step or an earlier one is a replay. */
  @Column(name = "totp_last_step")
  private Long totpLastStep;

  @Version private long version;

  protected Account() {}

  public Account(
      String email,
      String passwordHash,
      String firstName,
      String lastName,
      Role role,
      Instant createdAt) {
    this.email = email.strip();
    this.emailLower = normalize(email);
    this.passwordHash = passwordHash;
    this.firstName = firstName.strip();
    this.lastName = lastName.strip();
    this.role = role;
    this.createdAt = createdAt;
  }

  /** Emails are unique regardless of case. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public void changeRole(Role newRole) {
    this.role = newRole;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }

  /** The address confirmed by its owner (a change of email, verified on the way). */
  public void changeEmail(String confirmed) {
    this.email = confirmed.strip();
    this.emailLower = normalize(confirmed);
    this.emailVerified = true;
  }

  public void rename(String newFirstName, String newLastName) {
    if (newFirstName != null) {
      this.firstName = newFirstName.strip();
    }
    if (newLastName != null) {
      this.lastName = newLastName.strip();
    }
  }

  /**
   * Erases the person from the account: the address becomes the pseudonym, the names a marker, the
   * password and second factor go (nobody can sign in as it again). The id and role stay, for the
   * bookings and events that point at it.
   */
  public void erase(String pseudonymEmail, String marker) {
    this.email = pseudonymEmail;
    this.emailLower = normalize(pseudonymEmail);
    this.firstName = marker;
    this.lastName = marker;
    this.passwordHash = null;
    this.emailVerified = false;
    this.totpSecret = null;
    this.totpEnabled = false;
    this.totpLastStep = null;
  }

  /** Writes the account's emails in this language (a tag of {@code Languages}) from now on. */
  public void preferLocale(String tag) {
    this.locale = tag;
  }

  public String locale() {
    return locale;
  }

  public void markEmailVerified() {
    this.emailVerified = true;
  }

  /**
   * Starts (or restarts) TOTP enrolment with the secret as stored (sealed by identity's {@code
   * TotpSecrets}); the factor counts only once confirmed.
   */
  public void beginTotpEnrolment(String secret) {
    this.totpSecret = secret;
    this.totpEnabled = false;
    this.totpLastStep = null;
  }

  /**
   * Spends a TOTP time step whose code the user presented (RFC 6238 section 5.2: a code is accepted
   * once); false when this step or a later one was accepted already.
   */
  public boolean acceptTotpStep(long step) {
    if (totpLastStep != null && step <= totpLastStep) {
      return false;
    }
    this.totpLastStep = step;
    return true;
  }

  /** Stores the same TOTP secret in another form (sealed, where it was kept in clear). */
  public void replaceStoredTotpSecret(String stored) {
    if (totpSecret == null) {
      throw new IllegalStateException("no TOTP secret to replace");
    }
    this.totpSecret = stored;
  }

  /** Turns TOTP on; refused when enrolment never began. */
  public void enableTotp() {
    if (totpSecret == null) {
      throw DomainException.conflict(
          IdentityErrors.TOTP_NOT_ENROLLED, "Start TOTP enrolment first (POST /me/totp)");
    }
    this.totpEnabled = true;
  }

  public void disableTotp() {
    this.totpSecret = null;
    this.totpEnabled = false;
    this.totpLastStep = null;
  }

  public String totpSecret() {
    return totpSecret;
  }

  public boolean totpEnabled() {
    return totpEnabled;
  }

  public Long id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  /** Whether the account can sign in with a password (one made by a provider cannot at first). */
  public boolean hasPassword() {
    return passwordHash != null;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public Role role() {
    return role;
  }

  public boolean emailVerified() {
    return emailVerified;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
