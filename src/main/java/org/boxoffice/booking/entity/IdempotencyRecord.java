package org.boxoffice.booking.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The first answer to one user's {@code Idempotency-Key}: claimed (no status yet) when the first
 * request starts, completed with its status and body when it ends.
 */
@Entity
@Table(name = "idempotency_keys")
@NamedQuery(
    name = IdempotencyRecord.BY_KEY,
    query = "SELECT r FROM IdempotencyRecord r WHERE r.userId = :userId AND r.key = :key")
@NamedQuery(
    name = IdempotencyRecord.DELETE_OLDER,
    query = "DELETE FROM IdempotencyRecord r WHERE r.createdAt < :before")
public class IdempotencyRecord {
  public static final String BY_KEY = "IdempotencyRecord.byKey";
  public static final String DELETE_OLDER = "IdempotencyRecord.deleteOlder";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "idem_key", nullable = false)
  private String key;

  @Column(name = "request_hash", nullable = false)
  private String requestHash;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(name = "response_body")
  private String responseBody;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected IdempotencyRecord() {}

  public IdempotencyRecord(long userId, String key, String requestHash, Instant now) {
    this.userId = userId;
    this.key = key;
    this.requestHash = requestHash;
    this.createdAt = now;
  }

  public void complete(int status, String body, Instant now) {
    this.statusCode = status;
    this.responseBody = body;
    this.completedAt = now;
  }

  public Long id() {
    return id;
  }

  public String requestHash() {
    return requestHash;
  }

  public Integer statusCode() {
    return statusCode;
  }

  public String responseBody() {
    return responseBody;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
