package org.boxoffice.webhooks.boundary;

import static org.boxoffice.webhooks.entity.WebhookErrors.WEBHOOK_DELIVERY_NOT_FOUND;
import static org.boxoffice.webhooks.entity.WebhookErrors.WEBHOOK_LIMIT_REACHED;
import static org.boxoffice.webhooks.entity.WebhookErrors.WEBHOOK_NOT_FOUND;
import static org.boxoffice.webhooks.entity.WebhookErrors.WEBHOOK_URL_REFUSED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.boxoffice.webhooks.control.Destinations;
import org.boxoffice.webhooks.control.Signatures;
import org.boxoffice.webhooks.control.WebhookSettings;
import org.boxoffice.webhooks.entity.EventType;
import org.boxoffice.webhooks.entity.WebhookDelivery;
import org.boxoffice.webhooks.entity.WebhookEndpoint;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * An organizer's webhook endpoints: registration (the URL checked against the SSRF rules, the
 * secret made and shown once), changes, secret rotation, removal, the delivery log and manual
 * redelivery. Another organizer's endpoint is answered 404, as if it did not exist.
 */
@ApplicationScoped
public class Webhooks {
  static final int MAX_ENDPOINTS = 20;

  @PersistenceContext EntityManager em;
  @Inject Events events;
  @Inject Clock clock;
  @Inject @ConfigProperties WebhookSettings settings;

  /** Registers an endpoint; the answer carries its secret, the only time it is shown. */
  @Transactional
  public WebhookView register(long organizerId, WebhookRequest request) {
    Set<EventType> types = types(request.eventTypes());
    String url = checkedUrl(request.url());
    if (request.eventId() != null) {
      events.requireOwned(request.eventId(), organizerId);
    }
    long existing =
        em.createNamedQuery(WebhookEndpoint.OF_ORGANIZER, WebhookEndpoint.class)
            .setParameter("organizerId", organizerId)
            .getResultList()
            .size();
    if (existing >= MAX_ENDPOINTS) {
      throw DomainException.conflict(
          WEBHOOK_LIMIT_REACHED, "An organizer has at most " + MAX_ENDPOINTS + " endpoints");
    }
    String secret = Signatures.newSecret();
    WebhookEndpoint endpoint =
        WebhookEndpoint.register(
            organizerId,
            request.eventId(),
            url,
            blankToNull(request.description()),
            types,
            secret,
            clock.instant());
    em.persist(endpoint);
    em.flush();
    return WebhookView.of(endpoint, secret);
  }

  @Transactional
  public List<WebhookView> list(long organizerId) {
    return em
        .createNamedQuery(WebhookEndpoint.OF_ORGANIZER, WebhookEndpoint.class)
        .setParameter("organizerId", organizerId)
        .getResultList()
        .stream()
        .map(WebhookView::of)
        .toList();
  }

  @Transactional
  public WebhookView get(long id, long organizerId) {
    return WebhookView.of(owned(id, organizerId, LockModeType.NONE));
  }

  @Transactional
  public WebhookView change(long id, long organizerId, WebhookChange change) {
    // Resolved before the row is locked: no lock is held across a network call (DNS).
    String url = change.url() == null ? null : checkedUrl(change.url());
    WebhookEndpoint endpoint = owned(id, organizerId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    endpoint.change(
        url,
        change.description(),
        change.eventTypes() == null ? null : types(change.eventTypes()),
        now);
    if (Boolean.TRUE.equals(change.enabled())) {
      endpoint.enable(now);
    } else if (Boolean.FALSE.equals(change.enabled())) {
      endpoint.disable("Disabled by the organizer", now);
    }
    return WebhookView.of(endpoint);
  }

  /**
   * A new secret, shown once in the answer; the old one keeps signing (a second signature in {@code
   * webhook-signature}) for {@code BOXOFFICE_WEBHOOKS_ROTATION_GRACE_SECONDS}.
   */
  @Transactional
  public WebhookView rotateSecret(long id, long organizerId) {
    WebhookEndpoint endpoint = owned(id, organizerId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    String secret = Signatures.newSecret();
    endpoint.rotate(secret, now.plus(Duration.ofSeconds(settings.rotationGraceSeconds)), now);
    return WebhookView.of(endpoint, secret);
  }

  /** Removes the endpoint and its delivery log; nothing more is sent to it. */
  @Transactional
  public void remove(long id, long organizerId) {
    WebhookEndpoint endpoint = owned(id, organizerId, LockModeType.PESSIMISTIC_WRITE);
    em.createQuery("DELETE FROM WebhookDelivery d WHERE d.endpointId = :id")
        .setParameter("id", endpoint.id())
        .executeUpdate();
    em.remove(endpoint);
  }

  /** The endpoint's delivery log, newest first. */
  @Transactional
  public Page<DeliveryView> deliveries(long id, long organizerId, int page, int size) {
    WebhookEndpoint endpoint = owned(id, organizerId, LockModeType.NONE);
    List<DeliveryView> items =
        em
            .createNamedQuery(WebhookDelivery.OF_ENDPOINT, WebhookDelivery.class)
            .setParameter("endpointId", endpoint.id())
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(DeliveryView::of)
            .toList();
    long total =
        em.createNamedQuery(WebhookDelivery.COUNT_OF_ENDPOINT, Long.class)
            .setParameter("endpointId", endpoint.id())
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /**
   * Sends a message again: a new delivery of the same message (same {@code webhook-id}, type and
   * body), due at once, with attempts of its own; the original stays in the log as it was.
   */
  @Transactional
  public DeliveryView redeliver(long id, long deliveryId, long organizerId) {
    WebhookEndpoint endpoint = owned(id, organizerId, LockModeType.NONE);
    WebhookDelivery original = em.find(WebhookDelivery.class, deliveryId);
    if (original == null || original.endpointId() != endpoint.id()) {
      throw DomainException.notFound(WEBHOOK_DELIVERY_NOT_FOUND, "No such delivery");
    }
    WebhookDelivery again = original.again(clock.instant());
    em.persist(again);
    em.flush();
    return DeliveryView.of(again);
  }

  private WebhookEndpoint owned(long id, long organizerId, LockModeType lock) {
    WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id, lock);
    if (endpoint == null || endpoint.organizerId() != organizerId) {
      throw DomainException.notFound(WEBHOOK_NOT_FOUND, "No such webhook endpoint");
    }
    return endpoint;
  }

  private String checkedUrl(String url) {
    String trimmed = url.strip();
    if (trimmed.length() > Destinations.MAX_URL_LENGTH) {
      throw DomainException.invalid("url", "must be at most 2000 characters");
    }
    Destinations.refusal(trimmed, settings.allowLoopback)
        .ifPresent(
            reason -> {
              throw new DomainException(
                  DomainException.Kind.REFUSED,
                  WEBHOOK_URL_REFUSED,
                  "Webhooks cannot be sent to this URL",
                  List.of(new FieldDetail("url", reason)));
            });
    return trimmed;
  }

  private static Set<EventType> types(List<String> names) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int index = i;
      types.add(
          EventType.of(name == null ? "" : name.strip())
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "eventTypes[" + index + "]",
                          "must be one of " + String.join(", ", wireNames()))));
    }
    return types;
  }

  static List<String> wireNames() {
    return EnumSet.allOf(EventType.class).stream().map(EventType::wire).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
