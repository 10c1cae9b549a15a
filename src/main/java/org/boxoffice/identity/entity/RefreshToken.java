package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/** One refresh token a session was given, by hash; a used one presented again is a replay. */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(
    name = RefreshToken.BY_HASH,
    query = "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash")
public class RefreshToken {
  public static final String BY_HASH = "RefreshToken.byHash";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "session_id", nullable = false)
  private String sessionId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {}

  public RefreshToken(String sessionId, String tokenHash, Instant issuedAt) {
    this.sessionId = sessionId;
    this.tokenHash = tokenHash;
    this.issuedAt = issuedAt;
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  /** Spends the token; a token is spent once. */
  public void markUsed(Instant now) {
    if (usedAt != null) {
      throw DomainException.conflict(
          IdentityErrors.REFRESH_TOKEN_USED, "The refresh token was used already");
    }
    this.usedAt = now;
  }

  public String sessionId() {
    return sessionId;
  }
}
