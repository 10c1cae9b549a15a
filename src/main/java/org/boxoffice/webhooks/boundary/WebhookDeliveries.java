package org.boxoffice.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.webhooks.control.WebhookClient;
import org.boxoffice.webhooks.entity.WebhookDelivery;
import org.boxoffice.webhooks.entity.WebhookEndpoint;

/**
 * The delivery job's short transactions: claiming due deliveries under a lease, and settling each
 * attempt (DELIVERED, a retry with backoff, DEAD; the endpoint's failures counted and the endpoint
 * disabled when they reach the limit). No transaction here is open while a request is on the wire.
 */
@ApplicationScoped
public class WebhookDeliveries {
  // Native, because JPQL has no SKIP LOCKED (PostgreSQL and H2 2.x both understand it). Oldest
  // first; the deliveries of a disabled endpoint wait until it is enabled again.
  private static final String DUE =
      "SELECT * FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?1"
          + " AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE status = 'ENABLED')"
          + " ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED";

  // A plain batched DELETE: replicas sweeping at once only wait for each other's row locks and
  // then find those rows gone. The settling time is the last attempt (a delivery never attempted
  // is PENDING and never swept).
  private static final String EXPIRED =
      "DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries"
          + " WHERE status IN ('DELIVERED', 'DEAD') AND last_attempt_at < ?1 ORDER BY id LIMIT ?2)";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<WebhookEndpointDisabled> disablings;

  /** A delivery claimed for one attempt: where, what, and the secrets to sign it with. */
  public record Claimed(
      long id,
      long endpointId,
      String url,
      String messageId,
      String eventType,
      String payload,
      int attempts,
      List<String> secrets) {}

  /**
   * Claims up to {@code limit} due deliveries: each is leased (its next attempt moved past the
   * lease) so that no other sender takes it while this one sends; a delivery whose sender died is
   * taken again once the lease ran out.
   */
  @Transactional
  public List<Claimed> claim(int limit, Duration lease) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<WebhookDelivery> due =
        em.createNativeQuery(DUE, WebhookDelivery.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, limit)
            .getResultList();
    return due.stream()
        .map(
            d -> {
              d.lease(now.plus(lease));
              WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, d.endpointId());
              return new Claimed(
                  d.id(),
                  d.endpointId(),
                  endpoint.url(),
                  d.messageId(),
                  d.eventType(),
                  d.payload(),
                  d.attempts(),
                  endpoint.signingSecrets(now));
            })
        .toList();
  }

  /**
   * Deletes up to {@code limit} deliveries settled (DELIVERED or DEAD) before {@code cutoff}: the
   * delivery log's retention. Returns how many.
   */
  @Transactional
  public int sweep(Instant cutoff, int limit) {
    return em.createNativeQuery(EXPIRED)
        .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
        .setParameter(2, limit)
        .executeUpdate();
  }

  /** Gives a claimed delivery back unsent (its endpoint was disabled meanwhile): due again now. */
  @Transactional
  public void release(long id) {
    WebhookDelivery d = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (d != null && d.pending()) {
      d.lease(clock.instant());
    }
  }

  /** The endpoint answered 2xx. */
  @Transactional
  public void delivered(long id, WebhookClient.Outcome outcome) {
    WebhookDelivery d = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (d == null || !d.pending()) {
      return;
    }
    d.delivered(outcome.status(), outcome.latencyMillis(), clock.instant());
    WebhookEndpoint endpoint =
        em.find(WebhookEndpoint.class, d.endpointId(), LockModeType.PESSIMISTIC_WRITE);
    if (endpoint != null) {
      endpoint.succeeded();
    }
  }

  /**
   * The attempt failed: a retry after the backoff, or DEAD; the endpoint's failures counted, and
   * the endpoint disabled (its organizer told) when they reach the limit. Says what became of it.
   */
  @Transactional
  public Settled failed(long id, WebhookClient.Outcome outcome, Policy policy) {
    WebhookDelivery d = em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (d == null || !d.pending()) {
      return Settled.GONE;
    }
    Instant now = clock.instant();
    d.failed(
        outcome.status(),
        outcome.latencyMillis(),
        outcome.error(),
        now,
        policy.maxAttempts(),
        policy.firstBackoff(),
        policy.maxBackoff());
    WebhookEndpoint endpoint =
        em.find(WebhookEndpoint.class, d.endpointId(), LockModeType.PESSIMISTIC_WRITE);
    if (endpoint != null && endpoint.failed(policy.disableAfterFailures(), now)) {
      disablings.fire(
          new WebhookEndpointDisabled(
              endpoint.id(),
              endpoint.organizerId(),
              endpoint.url(),
              endpoint.consecutiveFailures(),
              outcome.error()));
      return Settled.ENDPOINT_DISABLED;
    }
    return d.pending() ? Settled.RETRY : Settled.DEAD;
  }

  /** How failed attempts are retried and when an endpoint is disabled. */
  public record Policy(
      int maxAttempts, Duration firstBackoff, Duration maxBackoff, int disableAfterFailures) {}

  /** What became of an attempt. */
  public enum Settled {
    DELIVERED,
    RETRY,
    DEAD,
    ENDPOINT_DISABLED,
    GONE
  }
}
