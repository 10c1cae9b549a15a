package org.boxoffice.integrations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organizer's API token: its name, scopes and lifetime, and the SHA-256 of its secret (the
 * secret itself is never stored).
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenSha256 = :hash")
@NamedQuery(
    name = ApiToken.OF_USER,
    query =
        "SELECT t FROM ApiToken t WHERE t.userId = :userId ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(
    name = ApiToken.ACTIVE_COUNT,
    query =
        "SELECT COUNT(t) FROM ApiToken t WHERE t.userId = :userId AND t.revokedAt IS NULL"
            + " AND (t.expiresAt IS NULL OR t.expiresAt > :now)")
@NamedQuery(
    name = ApiToken.REVOKE_ALL,
    query =
        "UPDATE ApiToken t SET t.revokedAt = :now WHERE t.userId = :userId AND t.revokedAt IS NULL")
public class ApiToken {
  public static final String BY_HASH = "ApiToken.byHash";
  public static final String OF_USER = "ApiToken.ofUser";
  public static final String ACTIVE_COUNT = "ApiToken.activeCount";
  public static final String REVOKE_ALL = "ApiToken.revokeAll";

  /** Last use is written at most this often, so a busy integration does not write on every call. */
  private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String prefix;

  @Column(name = "token_sha256", nullable = false)
  private String tokenSha256;

  @Column(nullable = false)
  private String scopes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public ApiToken(
      long userId,
      String name,
      String prefix,
      String tokenSha256,
      Set<ApiScope> scopes,
      Instant createdAt,
      Instant expiresAt) {
    this.userId = userId;
    this.name = name.strip();
    this.prefix = prefix;
    this.tokenSha256 = tokenSha256;
    this.scopes = scopes.stream().sorted().map(ApiScope::wireName).collect(Collectors.joining(" "));
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Neither revoked nor expired. */
  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** Notes a use, unless one was noted less than a minute ago. */
  public void usedAt(Instant now) {
    if (lastUsedAt == null || !lastUsedAt.plus(LAST_USE_PRECISION).isAfter(now)) {
      lastUsedAt = now;
    }
  }

  /** Revokes the token; revoking it again changes nothing. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public long userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Set<ApiScope> scopes() {
    Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
    Arrays.stream(scopes.split(" ")).forEach(one -> ApiScope.ofWireName(one).ifPresent(set::add));
    return set;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
