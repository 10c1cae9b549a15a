package org.boxoffice.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message to one endpoint: {@code PENDING} until the endpoint answers 2xx ({@code DELIVERED}),
 * or given up after too many attempts ({@code DEAD}). Failed attempts back off exponentially up to
 * a cap. Its {@code messageId} is the {@code webhook-id} of every attempt.
 */
@Entity
@Table(name = "webhook_deliveries")
@NamedQuery(
    name = WebhookDelivery.OF_ENDPOINT,
    query = "SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpointId ORDER BY d.id DESC")
@NamedQuery(
    name = WebhookDelivery.COUNT_OF_ENDPOINT,
    query = "SELECT COUNT(d) FROM WebhookDelivery d WHERE d.endpointId = :endpointId")
public class WebhookDelivery {
  public static final String OF_ENDPOINT = "WebhookDelivery.ofEndpoint";
  public static final String COUNT_OF_ENDPOINT = "WebhookDelivery.countOfEndpoint";
  private static final int ERROR_LENGTH = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "endpoint_id", nullable = false)
  private long endpointId;

  @Column(name = "message_id", nullable = false)
  private String messageId;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @Column(nullable = false)
  private String payload;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Column(name = "last_latency_ms")
  private Integer lastLatencyMs;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  /** A new message, due at once. */
  public static WebhookDelivery queue(
      long endpointId, EventType type, String payload, Instant now) {
    return queue(
        endpointId,
        "msg_" + UUID.randomUUID().toString().replace("-", ""),
        type.wire(),
        payload,
        now);
  }

  /** The same message again (a manual redelivery): same id, type and body, attempts anew. */
  public WebhookDelivery again(Instant now) {
    return queue(endpointId, messageId, eventType, payload, now);
  }

  private static WebhookDelivery queue(
      long endpointId, String messageId, String eventType, String payload, Instant now) {
    WebhookDelivery d = new WebhookDelivery();
    d.endpointId = endpointId;
    d.messageId = messageId;
    d.eventType = eventType;
    d.payload = payload;
    d.status = DeliveryStatus.PENDING;
    d.nextAttemptAt = now;
    d.createdAt = now;
    return d;
  }

  /** Claimed by a sender until {@code until}: should it die, another takes the row after that. */
  public void lease(Instant until) {
    nextAttemptAt = until;
  }

  public void delivered(int statusCode, long latencyMillis, Instant now) {
    attempted(statusCode, latencyMillis, null, now);
    status = DeliveryStatus.DELIVERED;
    deliveredAt = now;
  }

  /**
   * The attempt failed: retried after {@code firstBackoff × 2^(attempts-1)} (at most {@code
   * maxBackoff}), or DEAD once {@code maxAttempts} were made.
   */
  public void failed(
      Integer statusCode,
      long latencyMillis,
      String error,
      Instant now,
      int maxAttempts,
      Duration firstBackoff,
      Duration maxBackoff) {
    attempted(statusCode, latencyMillis, error, now);
    if (attempts >= maxAttempts) {
      status = DeliveryStatus.DEAD;
      return;
    }
    nextAttemptAt = now.plus(backoff(attempts, firstBackoff, maxBackoff));
  }

  /** The wait after the {@code attempts}-th failed attempt. */
  public static Duration backoff(int attempts, Duration first, Duration max) {
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private void attempted(Integer statusCode, long latencyMillis, String error, Instant now) {
    attempts++;
    lastStatusCode = statusCode;
    lastLatencyMs = (int) Math.min(Integer.MAX_VALUE, Math.max(0, latencyMillis));
    lastError =
        error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    lastAttemptAt = now;
  }

  public boolean pending() {
    return status == DeliveryStatus.PENDING;
  }

  public long id() {
    return id;
  }

  public long endpointId() {
    return endpointId;
  }

  public String messageId() {
    return messageId;
  }

  public String eventType() {
    return eventType;
  }

  public String payload() {
    return payload;
  }

  public DeliveryStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer lastStatusCode() {
    return lastStatusCode;
  }

  public Integer lastLatencyMs() {
    return lastLatencyMs;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }
}
