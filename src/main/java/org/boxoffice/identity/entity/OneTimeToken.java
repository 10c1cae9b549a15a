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
    query = "SELECT t FROM OneTimeToken t WHERE t.tokenHash = :hash AND t.purpose = :purpose")
public class OneTimeToken {
  public static final String BY_HASH = "OneTimeToken.byHash";

  /** What the token lets its holder do. */
  public enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
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

  protected OneTimeToken() {}

  public OneTimeToken(
      long userId, Purpose purpose, String tokenHash, Instant now, Instant expiresAt) {
    this.userId = userId;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
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
