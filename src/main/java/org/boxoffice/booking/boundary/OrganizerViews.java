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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.boxoffice.booking.control.Csv;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingErrors;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;

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

  private static final String CONFIRMED_SALES =
      "SELECT b.createdAt, b.quantity, b.finalAmount FROM Booking b WHERE b.eventId = :eventId"
          + " AND b.status = :confirmed ORDER BY b.createdAt";

  @PersistenceContext EntityManager em;
  @Inject Events events;
  @Inject Accounts accounts;
  @Inject Clock clock;
  @Inject Instance<CheckIns> checkIns;
  @Inject Instance<WaitingDemand> waiting;

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
    WaitingDemand.Demand demand =
        waiting.isResolvable() ? waiting.get().of(eventId) : new WaitingDemand.Demand(0, 0);
    return new EventStats(
        event.capacity(),
        ((Number) sold[0]).longValue(),
        held.longValue(),
        revenue,
        event.currency(),
        checkIns.isResolvable() ? checkIns.get().checkedIn(eventId) : 0,
        demand.entries(),
        demand.seats());
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
                  b.status(),
                  checkedIn.contains(b.id()));
            })
        .toList();
  }

  /** The confirmed sales of the event per day (UTC) of booking, oldest day first. */
  @Transactional
  public List<DailySales> salesByDay(long eventId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    Map<LocalDate, DailySales> days = new TreeMap<>();
    for (Object[] row :
        em.createQuery(CONFIRMED_SALES, Object[].class)
            .setParameter("eventId", eventId)
            .setParameter("confirmed", BookingStatus.CONFIRMED)
            .getResultList()) {
      LocalDate day = LocalDate.ofInstant((Instant) row[0], ZoneOffset.UTC);
      BigDecimal amount = new BigDecimal(String.valueOf(row[2]));
      days.merge(
          day,
          new DailySales(day, ((Number) row[1]).longValue(), amount),
          (a, b) -> new DailySales(day, a.seats() + b.seats(), a.revenue().add(b.revenue())));
    }
    return List.copyOf(days.values());
  }

  /** One booking of the organizer's event, whoever booked it; 404 BOOKING_NOT_FOUND otherwise. */
  @Transactional
  public BookingView booking(long eventId, long bookingId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    Booking booking = em.find(Booking.class, bookingId);
    if (booking == null || booking.eventId() != eventId) {
      throw DomainException.notFound(BookingErrors.BOOKING_NOT_FOUND, "No such booking");
    }
    return BookingView.of(booking);
  }

  /** Every holder of a confirmed booking as CSV (header row first), for the API and the admin. */
  @Transactional
  public String attendeesCsv(long eventId, long organizerId) {
    StringBuilder csv =
        new StringBuilder(
            Csv.row(List.of("bookingId", "name", "email", "quantity", "status", "checkedIn")));
    for (Attendee a : allAttendees(eventId, organizerId)) {
      csv.append(
          Csv.row(
              List.of(
                  a.bookingId(), a.name(), a.email(), a.quantity(), a.status(), a.checkedIn())));
    }
    return csv.toString();
  }
}
