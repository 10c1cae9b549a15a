package org.boxoffice.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/**
 * A sign-in that can be refreshed: its id is the {@code sid} claim of every access token issued in
 * it, so revoking it ends them too. It keeps only the hash of its current refresh token.
 */
@Entity
@Table(name = "sessions")
@NamedQuery(
    name = Session.ACTIVE_OF_USER,
    query = "SELECT s FROM Session s WHERE s.userId = :userId AND s.revokedAt IS NULL")
public class Session {
  public static final String ACTIVE_OF_USER = "Session.activeOfUser";

  /** Why a session ended, as stored in {@code revoked_reason}. */
  public enum EndReason {
    LOGOUT,
    LOGOUT_ALL,
    REFRESH_REPLAY,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    ENDED_BY_OWNER,
    ROLE_CHANGED,
    ACCOUNT_ERASED
  }

  @Id private String id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "refresh_token_hash", nullable = false)
  private String refreshTokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason")
  private String revokedReason;

  @Column(name = "rotated_count", nullable = false)
  private int rotatedCount;

  @Version private long version;

  protected Session() {}

  public Session(String id, long userId, String refreshTokenHash, Instant now, Instant expiresAt) {
    this.id = id;
    this.userId = userId;
    this.refreshTokenHash = refreshTokenHash;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Whether tokens of this session may still be used at {@code now}. */
  public boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Replaces the refresh token; only an active session rotates. */
  public void rotate(String newRefreshTokenHash, Instant now) {
    if (!isActive(now)) {
      throw DomainException.unauthenticated(
          IdentityErrors.SESSION_ENDED, "The session has ended; sign in again");
    }
    this.refreshTokenHash = newRefreshTokenHash;
    this.rotatedCount++;
  }

  /** Ends the session; ending an ended session keeps the first reason. */
  public void revoke(EndReason reason, Instant now) {
    if (revokedAt == null) {
      this.revokedAt = now;
      this.revokedReason = reason.name();
    }
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public int rotatedCount() {
    return rotatedCount;
  }
}
