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
import java.time.Instant;

/** A single-use, expiring token sent by email (verification or password reset), by hash. */
@Entity
@Table(name = "one_time_tokens")
@NamedQuery(
    name = OneTimeToken.BY_HASH,
    query = "SELECT t FROM OneTimeToken t WHERE t.tokenHash = :hash AND t.purpose IN :purposes")
@NamedQuery(
    name = OneTimeToken.UNUSED_OF_USER,
    query =
        "SELECT t FROM OneTimeToken t WHERE t.userId = :userId AND t.purpose = :purpose"
            + " AND t.usedAt IS NULL ORDER BY t.createdAt DESC")
public class OneTimeToken {
  public static final String BY_HASH = "OneTimeToken.byHash";
  public static final String UNUSED_OF_USER = "OneTimeToken.unusedOfUser";

  /** What the token lets its holder do. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    /** Confirms {@link #newEmail()} as the account's address. */
    CHANGE_EMAIL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Purpose purpose;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  /** The address a {@code CHANGE_EMAIL} token confirms; null for the others. */
  @Column(name = "new_email")
  private String newEmail;

  protected OneTimeToken() {}

  public OneTimeToken(
      long userId, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
    this.userId = userId;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** A token that confirms {@code newEmail} as the account's new address. */
  public static OneTimeToken emailChange(
      long userId, String newEmail, String tokenHash, Instant now, Instant expiresAt) {
    OneTimeToken token = new OneTimeToken(userId, Purpose.CHANGE_EMAIL, tokenHash, now, expiresAt);
    token.newEmail = newEmail;
    return token;
  }

  /** Spends the token without its use (a newer request or a password change replaced it). */
  public void cancel(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }

  public Purpose purpose() {
    return purpose;
  }

  public String newEmail() {
    return newEmail;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** Spends the token; false when it was spent already or has expired. */
  public boolean redeem(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt)) {
      return false;
    }
    usedAt = now;
    return true;
  }

  public long userId() {
    return userId;
  }
}
