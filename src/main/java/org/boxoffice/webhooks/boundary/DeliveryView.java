package org.boxoffice.webhooks.boundary;

import static org.boxoffice.webhooks.boundary.WebhookView.utc;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.boxoffice.webhooks.entity.DeliveryStatus;
import org.boxoffice.webhooks.entity.WebhookDelivery;

/**
 * One line of an endpoint's delivery log: the message ({@code messageId} is its {@code
 * webhook-id}), its state, how many attempts were made, and what the last one got (status code,
 * latency, error). {@code nextAttemptAt} only while PENDING.
 */
@JsonbPropertyOrder({
  "id",
  "messageId",
  "eventType",
  "status",
  "attempts",
  "lastStatusCode",
  "lastLatencyMillis",
  "lastError",
  "lastAttemptAt",
  "nextAttemptAt",
  "deliveredAt",
  "createdAt"
})
public record DeliveryView(
    long id,
    String messageId,
    String eventType,
    DeliveryStatus status,
    int attempts,
    Integer lastStatusCode,
    Integer lastLatencyMillis,
    String lastError,
    OffsetDateTime lastAttemptAt,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime deliveredAt,
    OffsetDateTime createdAt)
    implements Serializable {

  static DeliveryView of(WebhookDelivery d) {
    return new DeliveryView(
        d.id(),
        d.messageId(),
        d.eventType(),
        d.status(),
        d.attempts(),
        d.lastStatusCode(),
        d.lastLatencyMs(),
        d.lastError(),
        utc(d.lastAttemptAt()),
        d.pending() ? utc(d.nextAttemptAt()) : null,
        utc(d.deliveredAt()),
        utc(d.createdAt()));
  }
}
