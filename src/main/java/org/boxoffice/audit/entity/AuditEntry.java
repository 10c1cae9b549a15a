package org.boxoffice.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited operation. Immutable: there are no setters and no update or delete path. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {
  static final int DETAILS_MAX = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor_id", updatable = false)
  private Long actorId;

  @Column(name = "actor_email", updatable = false)
  private String actorEmail;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "resource_type", updatable = false)
  private String resourceType;

  @Column(name = "resource_id", updatable = false)
  private String resourceId;

  @Column(updatable = false)
  private String ip;

  @Column(name = "correlation_id", updatable = false)
  private String correlationId;

  @Column(updatable = false)
  private String details;

  protected AuditEntry() {}

  public AuditEntry(
      Instant occurredAt,
      Long actorId,
      String actorEmail,
      String action,
      String resourceType,
      String resourceId,
      String ip,
      String correlationId,
      String details) {
    this.occurredAt = occurredAt;
    this.actorId = actorId;
    this.actorEmail = truncate(actorEmail, 254);
    this.action = truncate(action, 60);
    this.resourceType = truncate(resourceType, 40);
    this.resourceId = truncate(resourceId, 64);
    this.ip = truncate(ip, 64);
    this.correlationId = truncate(correlationId, 80);
    this.details = truncate(details, DETAILS_MAX);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Long actorId() {
    return actorId;
  }

  public String actorEmail() {
    return actorEmail;
  }

  public String action() {
    return action;
  }

  public String resourceType() {
    return resourceType;
  }

  public String resourceId() {
    return resourceId;
  }

  public String ip() {
    return ip;
  }

  public String correlationId() {
    return correlationId;
  }

  public String details() {
    return details;
  }
}
