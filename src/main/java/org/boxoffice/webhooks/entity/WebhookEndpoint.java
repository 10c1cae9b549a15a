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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An organizer's URL that hears about the {@link EventType}s it names, for all the organizer's
 * events or one of them. Signed with its secret; after a rotation the previous secret signs too
 * until its grace period ends. It counts the failed attempts since its last success, and disables
 * itself when they reach the limit.
 */
@Entity
@Table(name = "webhook_endpoints")
@NamedQuery(
    name = WebhookEndpoint.OF_ORGANIZER,
    query = "SELECT e FROM WebhookEndpoint e WHERE e.organizerId = :organizerId ORDER BY e.id")
@NamedQuery(
    name = WebhookEndpoint.LISTENING,
    query =
        "SELECT e FROM WebhookEndpoint e WHERE e.organizerId = :organizerId"
            + " AND e.status = org.boxoffice.webhooks.entity.EndpointStatus.ENABLED"
            + " AND (e.eventId IS NULL OR e.eventId = :eventId) ORDER BY e.id")
public class WebhookEndpoint {
  public static final String OF_ORGANIZER = "WebhookEndpoint.ofOrganizer";
  public static final String LISTENING = "WebhookEndpoint.listening";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organizer_id", nullable = false)
  private long organizerId;

  @Column(name = "event_id")
  private Long eventId;

  @Column(nullable = false)
  private String url;

  @Column private String description;

  @Column(name = "event_types", nullable = false)
  private String eventTypes;

  @Column(nullable = false)
  private String secret;

  @Column(name = "previous_secret")
  private String previousSecret;

  @Column(name = "previous_secret_expires_at")
  private Instant previousSecretExpiresAt;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private EndpointStatus status;

  @Column(name = "disabled_reason")
  private String disabledReason;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected WebhookEndpoint() {}

  public static WebhookEndpoint register(
      long organizerId,
      Long eventId,
      String url,
      String description,
      Set<EventType> types,
      String secret,
      Instant now) {
    WebhookEndpoint e = new WebhookEndpoint();
    e.organizerId = organizerId;
    e.eventId = eventId;
    e.url = url;
    e.description = description;
    e.eventTypes = join(types);
    e.secret = secret;
    e.status = EndpointStatus.ENABLED;
    e.createdAt = now;
    e.updatedAt = now;
    return e;
  }

  /** The new secret signs from now on; the old one too until {@code graceUntil}. */
  public void rotate(String newSecret, Instant graceUntil, Instant now) {
    previousSecret = secret;
    previousSecretExpiresAt = graceUntil;
    secret = newSecret;
    updatedAt = now;
  }

  /** The secrets a delivery is signed with now: the current one, then a previous one in grace. */
  public java.util.List<String> signingSecrets(Instant now) {
    return previousSecret != null
            && previousSecretExpiresAt != null
            && now.isBefore(previousSecretExpiresAt)
        ? java.util.List.of(secret, previousSecret)
        : java.util.List.of(secret);
  }

  public void change(String newUrl, String newDescription, Set<EventType> types, Instant now) {
    if (newUrl != null) {
      url = newUrl;
    }
    if (newDescription != null) {
      description = newDescription;
    }
    if (types != null) {
      eventTypes = join(types);
    }
    updatedAt = now;
  }

  /** Sent to again; its count of failures starts over. */
  public void enable(Instant now) {
    status = EndpointStatus.ENABLED;
    disabledReason = null;
    consecutiveFailures = 0;
    updatedAt = now;
  }

  public void disable(String reason, Instant now) {
    status = EndpointStatus.DISABLED;
    disabledReason = reason;
    updatedAt = now;
  }

  /** An attempt succeeded: the failures in a row start over. */
  public void succeeded() {
    consecutiveFailures = 0;
  }

  /**
   * An attempt failed; true when this failure disabled the endpoint ({@code limit} failures in a
   * row, with no success between).
   */
  public boolean failed(int limit, Instant now) {
    consecutiveFailures++;
    if (status == EndpointStatus.ENABLED && limit > 0 && consecutiveFailures >= limit) {
      disable("Disabled after " + consecutiveFailures + " failed delivery attempts in a row", now);
      return true;
    }
    return false;
  }

  public boolean hears(EventType type) {
    return types().contains(type);
  }

  public Set<EventType> types() {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    Arrays.stream(eventTypes.split(","))
        .map(EventType::of)
        .flatMap(Optional::stream)
        .forEach(types::add);
    return types;
  }

  private static String join(Set<EventType> types) {
    return types.stream().sorted().map(EventType::wire).collect(Collectors.joining(","));
  }

  public long id() {
    return id;
  }

  public long organizerId() {
    return organizerId;
  }

  public Long eventId() {
    return eventId;
  }

  public String url() {
    return url;
  }

  public String description() {
    return description;
  }

  public EndpointStatus status() {
    return status;
  }

  public String disabledReason() {
    return disabledReason;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  public Instant previousSecretExpiresAt() {
    return previousSecretExpiresAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
