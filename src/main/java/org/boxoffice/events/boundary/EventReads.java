package org.boxoffice.events.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.events.entity.Event;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.PaymentGatewayChoice;

/**
 * The reads behind {@link EventCache}, each in its own short transaction: a read outside any
 * transaction would keep its pooled connection until the request ends (Liberty's local transaction
 * containment), and a booking request that then opens its own transaction would hold two.
 */
@ApplicationScoped
class EventReads {
  @PersistenceContext EntityManager em;
  @Inject EventImageLinks images;

  @Transactional
  EventView metadata(long eventId, Instant now) {
    Event event = em.find(Event.class, eventId);
    return event == null ? null : Views.of(event, now, images);
  }

  @Transactional
  PaymentGatewayChoice paymentGateway(long eventId) {
    return em.createQuery(
            "SELECT e.paymentGateway FROM Event e WHERE e.id = :id", PaymentGatewayChoice.class)
        .setParameter("id", eventId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  @Transactional
  LiveFigures live(long eventId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT e.status, e.availableSeats, t.id, t.available"
                    + " FROM Event e LEFT JOIN e.ticketTypes t WHERE e.id = :id",
                Object[].class)
            .setParameter("id", eventId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    List<Long> tierIds = new ArrayList<>();
    Map<Long, Integer> own = new HashMap<>();
    for (Object[] row : rows) {
      if (row[2] != null) {
        tierIds.add((Long) row[2]);
        if (row[3] != null) {
          own.put((Long) row[2], (Integer) row[3]);
        }
      }
    }
    return new LiveFigures((EventStatus) rows.get(0)[0], (Integer) rows.get(0)[1], tierIds, own);
  }
}
