package org.boxoffice.events.boundary;

import static org.boxoffice.events.entity.EventErrors.EVENT_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.events.control.CalendarWriter;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;

/**
 * The read side: the public catalog, one event's page, the organizer's own list and calendars.
 * Drafts are seen by their organizer only; to anyone else they do not exist (404).
 */
@ApplicationScoped
public class Catalog {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject EventCache cache;
  @Inject EventReads reads;

  /**
   * One event with live seat figures; a draft only for its organizer ({@code viewerId}). Mostly
   * served from the caches, so it joins a transaction only when there is one.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public EventView event(long eventId, Long viewerId) {
    Instant now = clock.instant();
    EventView metadata = cache.metadata(eventId, id -> reads.metadata(id, now));
    LiveFigures live = metadata == null ? null : cache.live(eventId, reads::live);
    if (live == null
        || (live.status() == EventStatus.DRAFT
            && (viewerId == null || viewerId != metadata.organizerId()))) {
      throw DomainException.notFound(EVENT_NOT_FOUND, "No such event");
    }
    EventStatus status = Event.status(live.status(), metadata.endDate().toInstant(), now);
    return metadata.live(
        status,
        live.availableSeats(),
        metadata.ticketTypes().stream()
            .map(t -> t.withAvailable(live.tierAvailable(t.id())))
            .toList());
  }

  /** The organizer of an event in any state, drafts included (for features that notify them). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long organizerOf(long eventId) {
    EventView metadata = cache.metadata(eventId, id -> reads.metadata(id, clock.instant()));
    if (metadata == null) {
      throw DomainException.notFound(EVENT_NOT_FOUND, "No such event");
    }
    return metadata.organizerId();
  }

  /**
   * The organizer's choice of payment gateway for an event, at most the live window old (about a
   * second, like the seat figures): a change holds at once on the server that made it and within
   * that window on every other replica.
   */
  public PaymentGatewayChoice paymentGatewayOf(long eventId) {
    PaymentGatewayChoice choice = cache.gatewayChoice(eventId, reads::paymentGateway);
    if (choice == null) {
      throw DomainException.notFound(EVENT_NOT_FOUND, "No such event");
    }
    return choice;
  }

  /** The event as an iCalendar (RFC 5545) document, visible to whoever may see the event. */
  @Transactional
  public String calendar(long eventId, Long viewerId, String uidDomain) {
    EventView event = event(eventId, viewerId);
    return CalendarWriter.write(
        new CalendarWriter.Entry(
            "event-" + event.id() + "@" + uidDomain,
            clock.instant(),
            event.startDate().toInstant(),
            event.endDate().toInstant(),
            event.title(),
            event.description(),
            event.location(),
            event.status() == EventStatus.CANCELLED));
  }

  /**
   * Published events, soonest first in a stable order (start, id). {@code q} matches title,
   * description or location, case-insensitively; {@code location} narrows by location; {@code from}
   * (default now) and {@code to} bound the start.
   */
  public Page<EventSummary> search(
      String q, Instant from, Instant to, String location, int page, int size) {
    // A hot catalog is read far more often than it changes: serve a page for up to the live
    // figures' age (1 s) before asking the database again.
    return cache.catalogPage(
        new EventCache.CatalogQuery(q, from, to, location, page, size),
        query -> searchNow(q, from, to, location, page, size));
  }

  @Transactional
  Page<EventSummary> searchNow(
      String q, Instant from, Instant to, String location, int page, int size) {
    Instant now = clock.instant();
    StringBuilder where = new StringBuilder("e.status = :status AND e.startDate >= :from");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("status", EventStatus.PUBLISHED);
    parameters.put("from", from != null ? from : now);
    if (to != null) {
      where.append(" AND e.startDate < :to");
      parameters.put("to", to);
    }
    if (q != null && !q.isBlank()) {
      where.append(
          " AND (LOWER(e.title) LIKE :q ESCAPE '\\' OR LOWER(e.description) LIKE :q ESCAPE '\\'"
              + " OR LOWER(e.location) LIKE :q ESCAPE '\\')");
      parameters.put("q", contains(q));
    }
    if (location != null && !location.isBlank()) {
      where.append(" AND LOWER(e.location) LIKE :location ESCAPE '\\'");
      parameters.put("location", contains(location));
    }
    return page(where.toString(), parameters, page, size, now);
  }

  /** The organizer's own events, every status, soonest first. */
  @Transactional
  public Page<EventSummary> organizerEvents(long organizerId, int page, int size) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("organizerId", organizerId);
    return page("e.organizerId = :organizerId", parameters, page, size, clock.instant());
  }

  private Page<EventSummary> page(
      String where, Map<String, Object> parameters, int page, int size, Instant now) {
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM Event e WHERE " + where, Long.class);
    TypedQuery<Event> rows =
        em.createQuery(
            "SELECT e FROM Event e WHERE " + where + " ORDER BY e.startDate, e.id", Event.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          rows.setParameter(name, value);
        });
    long total = count.getSingleResult();
    List<EventSummary> items =
        total <= (long) page * size
            ? List.of()
            : rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(e -> Views.summary(e, now))
                .toList();
    return new Page<>(items, page, size, total);
  }

  /** A LIKE pattern matching the text anywhere, with the client's wildcards taken literally. */
  static String contains(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
