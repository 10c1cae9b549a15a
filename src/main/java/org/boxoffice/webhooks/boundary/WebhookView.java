package org.boxoffice.webhooks.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.webhooks.entity.EndpointStatus;
import org.boxoffice.webhooks.entity.EventType;
import org.boxoffice.webhooks.entity.WebhookEndpoint;

/**
 * An endpoint as its organizer sees it. {@code secret} only in the answers that made it (creation,
 * rotation): it is never shown again. {@code previousSecretExpiresAt}: until when the secret before
 * the last rotation still signs.
 */
@JsonbPropertyOrder({
  "id",
  "url",
  "description",
  "eventId",
  "eventTypes",
  "status",
  "disabledReason",
  "consecutiveFailures",
  "secret",
  "previousSecretExpiresAt",
  "createdAt"
})
public record WebhookView(
    long id,
    String url,
    String description,
    Long eventId,
    List<String> eventTypes,
    EndpointStatus status,
    String disabledReason,
    int consecutiveFailures,
    String secret,
    OffsetDateTime previousSecretExpiresAt,
    OffsetDateTime createdAt)
    implements Serializable {

  static WebhookView of(WebhookEndpoint e) {
    return of(e, null);
  }

  static WebhookView of(WebhookEndpoint e, String secret) {
    return new WebhookView(
        e.id(),
        e.url(),
        e.description(),
        e.eventId(),
        e.types().stream().map(EventType::wire).toList(),
        e.status(),
        e.disabledReason(),
        e.consecutiveFailures(),
        secret,
        utc(e.previousSecretExpiresAt()),
        utc(e.createdAt()));
  }

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
