package org.boxoffice.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.booking.boundary.BookingCancelled;
import org.boxoffice.booking.boundary.BookingConfirmed;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventCancelled;
import org.boxoffice.events.boundary.EventUpdated;
import org.boxoffice.payments.boundary.RefundBooked;
import org.boxoffice.tickets.boundary.TicketCheckedIn;
import org.boxoffice.waitlist.boundary.WaitlistClaimed;
import org.boxoffice.waitlist.boundary.WaitlistClosed;
import org.boxoffice.waitlist.boundary.WaitlistOfferExpired;
import org.boxoffice.waitlist.boundary.WaitlistOffered;
import org.boxoffice.webhooks.entity.EventType;
import org.boxoffice.webhooks.entity.WebhookDelivery;
import org.boxoffice.webhooks.entity.WebhookEndpoint;

/**
 * Writes a delivery for every enabled endpoint that hears of a cause, in the transaction of the
 * cause (a booking confirmed, a ticket checked in, ...): the delivery exists if and only if its
 * cause committed. The body is the Standard Webhooks payload {@code {type, timestamp, data}}, fixed
 * here once; every attempt sends the same bytes.
 */
@ApplicationScoped
public class WebhookOutbox {
  @PersistenceContext EntityManager em;
  @Inject Catalog catalog;
  @Inject Bookings bookings;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  void onConfirmed(@Observes BookingConfirmed c) {
    write(
        c.organizerId(),
        c.eventId(),
        EventType.BOOKING_CONFIRMED,
        Json.createObjectBuilder()
            .add("bookingId", c.bookingId())
            .add("eventId", c.eventId())
            .add("ticketTypeId", c.ticketTypeId())
            .add("quantity", c.quantity())
            .add("amount", c.finalAmount())
            .add("currency", c.currency()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onCancelled(@Observes BookingCancelled c) {
    write(
        organizerOf(c.eventId()),
        c.eventId(),
        EventType.BOOKING_CANCELLED,
        Json.createObjectBuilder()
            .add("bookingId", c.bookingId())
            .add("eventId", c.eventId())
            .add("previousStatus", c.previousStatus().name())
            .add("withEvent", c.withEvent()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onRefund(@Observes RefundBooked r) {
    long eventId = bookings.get(r.bookingId(), r.userId()).eventId();
    write(
        organizerOf(eventId),
        eventId,
        EventType.BOOKING_REFUNDED,
        Json.createObjectBuilder()
            .add("refundId", r.refundId())
            .add("bookingId", r.bookingId())
            .add("eventId", eventId)
            .add("amount", r.amount())
            .add("currency", r.currency())
            .add("reason", r.reason().name())
            .add("full", r.full()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onCheckedIn(@Observes TicketCheckedIn t) {
    write(
        t.organizerId(),
        t.eventId(),
        EventType.TICKET_CHECKED_IN,
        Json.createObjectBuilder()
            .add("ticketId", t.ticketId())
            .add("ticketNumber", t.ticketNumber())
            .add("bookingId", t.bookingId())
            .add("eventId", t.eventId())
            .add("checkedInAt", utc(t.checkedInAt())));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onEventUpdated(@Observes EventUpdated e) {
    write(
        e.organizerId(),
        e.eventId(),
        EventType.EVENT_UPDATED,
        Json.createObjectBuilder().add("eventId", e.eventId()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onEventCancelled(@Observes EventCancelled e) {
    write(
        e.organizerId(),
        e.eventId(),
        EventType.EVENT_CANCELLED,
        Json.createObjectBuilder().add("eventId", e.eventId()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onOffered(@Observes WaitlistOffered o) {
    write(
        organizerOf(o.eventId()),
        o.eventId(),
        EventType.WAITLIST_OFFERED,
        Json.createObjectBuilder()
            .add("entryId", o.entryId())
            .add("eventId", o.eventId())
            .add("quantity", o.quantity())
            .add("offerExpiresAt", utc(o.offerExpiresAt())));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onOfferExpired(@Observes WaitlistOfferExpired e) {
    write(
        organizerOf(e.eventId()),
        e.eventId(),
        EventType.WAITLIST_OFFER_EXPIRED,
        Json.createObjectBuilder()
            .add("entryId", e.entryId())
            .add("eventId", e.eventId())
            .add("quantity", e.quantity()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onClaimed(@Observes WaitlistClaimed c) {
    write(
        organizerOf(c.eventId()),
        c.eventId(),
        EventType.WAITLIST_CLAIMED,
        Json.createObjectBuilder()
            .add("entryId", c.entryId())
            .add("eventId", c.eventId())
            .add("bookingId", c.bookingId()));
  }

  /** One for each person whose wait ended because the event's lists closed. */
  @Transactional(Transactional.TxType.MANDATORY)
  void onClosed(@Observes WaitlistClosed c) {
    write(
        organizerOf(c.eventId()),
        c.eventId(),
        EventType.WAITLIST_CLOSED,
        Json.createObjectBuilder()
            .add("entryId", c.entryId())
            .add("eventId", c.eventId())
            .add("reason", c.eventCancelled() ? "EVENT_CANCELLED" : "ORGANIZER"));
  }

  private long organizerOf(long eventId) {
    return catalog.organizerOf(eventId);
  }

  private void write(long organizerId, long eventId, EventType type, JsonObjectBuilder data) {
    List<WebhookEndpoint> listening =
        em
            .createNamedQuery(WebhookEndpoint.LISTENING, WebhookEndpoint.class)
            .setParameter("organizerId", organizerId)
            .setParameter("eventId", eventId)
            .getResultList()
            .stream()
            .filter(e -> e.hears(type))
            .toList();
    if (listening.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    String payload = payload(type, now, data.build());
    for (WebhookEndpoint endpoint : listening) {
      em.persist(WebhookDelivery.queue(endpoint.id(), type, payload, now));
    }
  }

  static String payload(EventType type, Instant at, JsonObject data) {
    return Json.createObjectBuilder()
        .add("type", type.wire())
        .add("timestamp", utc(at))
        .add("data", data)
        .build()
        .toString();
  }

  private static String utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toString();
  }
}
