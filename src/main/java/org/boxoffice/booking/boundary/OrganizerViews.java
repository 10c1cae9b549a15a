package org.boxoffice.booking.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.platform.boundary.Page;

/** What an organizer sees of the bookings of their event: figures and attendees. */
@ApplicationScoped
public class OrganizerViews {
  private static final String SOLD =
      "SELECT COALESCE(SUM(b.quantity), 0), COALESCE(SUM(b.finalAmount), 0) FROM Booking b"
          + " WHERE b.eventId = :eventId AND b.status = :confirmed";
  private static final String HELD =
      "SELECT COALESCE(SUM(b.quantity), 0) FROM Booking b WHERE b.eventId = :eventId"
          + " AND b.status = :pending AND b.expiresAt > :now";
  private static final String CONFIRMED =
      "SELECT b FROM Booking b WHERE b.eventId = :eventId AND b.status = :confirmed"
          + " ORDER BY b.id";
  private static final String COUNT_CONFIRMED =
      "SELECT COUNT(b) FROM Booking b WHERE b.eventId = :eventId AND b.status = :confirmed";

  @PersistenceContext EntityManager em;
  @Inject Events events;
  @Inject Accounts accounts;
  @Inject Clock clock;
  @Inject Instance<CheckIns> checkIns;

  /** The event's figures; 404 EVENT_NOT_FOUND unless the caller organizes it. */
  @Transactional
  public EventStats stats(long eventId, long organizerId) {
    OwnedEvent event = events.requireOwned(eventId, organizerId);
    Object[] sold =
        em.createQuery(SOLD, Object[].class)
            .setParameter("eventId", eventId)
            .setParameter("confirmed", BookingStatus.CONFIRMED)
            .getSingleResult();
    Number held =
        em.createQuery(HELD, Number.class)
            .setParameter("eventId", eventId)
            .setParameter("pending", BookingStatus.PENDING)
            .setParameter("now", clock.instant())
            .getSingleResult();
    BigDecimal revenue =
        new BigDecimal(String.valueOf(sold[1])).setScale(2, RoundingMode.HALF_EVEN);
    return new EventStats(
        event.capacity(),
        ((Number) sold[0]).longValue(),
        held.longValue(),
        revenue,
        event.currency(),
        checkIns.isResolvable() ? checkIns.get().checkedIn(eventId) : 0);
  }

  /** One page of the holders of confirmed bookings, in booking order. */
  @Transactional
  public Page<Attendee> attendees(long eventId, long organizerId, int page, int size) {
    events.requireOwned(eventId, organizerId);
    List<Booking> confirmed =
        em.createQuery(CONFIRMED, Booking.class)
            .setParameter("eventId", eventId)
            .setParameter("confirmed", BookingStatus.CONFIRMED)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createQuery(COUNT_CONFIRMED, Long.class)
            .setParameter("eventId", eventId)
            .setParameter("confirmed", BookingStatus.CONFIRMED)
            .getSingleResult();
    return new Page<>(attendeesOf(eventId, confirmed), page, size, total);
  }

  /** Every holder of a confirmed booking, for the CSV export. */
  @Transactional
  public List<Attendee> allAttendees(long eventId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    return attendeesOf(
        eventId,
        em.createQuery(CONFIRMED, Booking.class)
            .setParameter("eventId", eventId)
            .setParameter("confirmed", BookingStatus.CONFIRMED)
            .getResultList());
  }

  private List<Attendee> attendeesOf(long eventId, List<Booking> bookings) {
    Map<Long, UserView> users = accounts.users(bookings.stream().map(Booking::userId).toList());
    java.util.Set<Long> checkedIn =
        checkIns.isResolvable()
            ? java.util.Set.copyOf(checkIns.get().bookingsCheckedIn(eventId))
            : java.util.Set.of();
    return bookings.stream()
        .map(
            b -> {
              UserView user = users.get(b.userId());
              return new Attendee(
                  b.id(),
                  user == null ? "" : user.firstName() + " " + user.lastName(),
                  user == null ? "" : user.email(),
                  b.quantity(),
                  b.status().name(),
                  checkedIn.contains(b.id()));
            })
        .toList();
  }
}
