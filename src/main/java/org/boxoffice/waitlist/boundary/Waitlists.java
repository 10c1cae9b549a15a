package org.boxoffice.waitlist.boundary;

import static org.boxoffice.waitlist.entity.WaitlistErrors.WAITLIST_ENTRY_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.waitlist.entity.WaitlistEntry;
import org.boxoffice.waitlist.entity.WaitlistStatus;

/**
 * Waiting lists as the API sees them: the attendee's own entries with their place in line, the
 * organizer's list of an event and its waiting demand, and claiming an offer (its booking, then its
 * payment once that transaction committed).
 */
@ApplicationScoped
public class Waitlists {
  private static final List<WaitlistStatus> LIVE =
      List.of(WaitlistStatus.WAITING, WaitlistStatus.OFFERED);
  private static final String COUNT_LIVE_OF_USER =
      "SELECT COUNT(w) FROM WaitlistEntry w WHERE w.userId = :userId AND w.status IN :live";
  private static final String COUNT_OF_EVENT =
      "SELECT COUNT(w) FROM WaitlistEntry w WHERE w.eventId = :eventId";
  private static final String DEMAND_OF_EVENT =
      "SELECT COUNT(w), COALESCE(SUM(w.quantity), 0) FROM WaitlistEntry w"
          + " WHERE w.eventId = :eventId AND w.status = :status";
  private static final String KEPT_OF_EVENT =
      "SELECT COALESCE(SUM(k.seats), 0) FROM KeptSeats k WHERE k.eventId = :eventId";

  @PersistenceContext EntityManager em;
  @Inject WaitlistLedger ledger;
  @Inject Bookings bookings;
  @Inject Events events;

  /** The user's live entries (WAITING or OFFERED), oldest first, each with its place in line. */
  @Transactional
  public Page<WaitlistView> mine(long userId, int page, int size) {
    List<WaitlistView> items =
        em.createNamedQuery(WaitlistEntry.LIVE_OF_USER, WaitlistEntry.class)
            .setParameter("userId", userId)
            .setParameter("live", LIVE)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(this::view)
            .toList();
    long total =
        em.createQuery(COUNT_LIVE_OF_USER, Long.class)
            .setParameter("userId", userId)
            .setParameter("live", LIVE)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** One of the user's entries, whatever its state; 404 WAITLIST_ENTRY_NOT_FOUND otherwise. */
  @Transactional
  public WaitlistView get(long entryId, long userId) {
    WaitlistEntry entry = em.find(WaitlistEntry.class, entryId);
    if (entry == null || entry.userId() != userId) {
      throw DomainException.notFound(WAITLIST_ENTRY_NOT_FOUND, "No such waiting-list entry");
    }
    return view(entry);
  }

  /**
   * Claims the user's offer ({@link WaitlistLedger#claim}), then opens the booking's payment as
   * {@code POST /bookings} does: the answer is the booking with its {@code payment}. When no
   * payment can be opened (503, the booking cancelled), the entry is back in its place in line
   * ({@link WaitlistLedger#reopen}) and gets the next offer.
   */
  public BookingView claim(long entryId, long userId) {
    BookingView booking = ledger.claim(entryId, userId);
    try {
      return bookings.payable(booking, userId);
    } catch (DomainException unavailable) {
      ledger.reopen(entryId, booking.id());
      throw unavailable;
    }
  }

  /** Every entry of the organizer's event, in join order; 404 EVENT_NOT_FOUND for anyone else. */
  @Transactional
  public Page<WaitlistView> ofEvent(long eventId, long organizerId, int page, int size) {
    events.requireOwned(eventId, organizerId);
    List<WaitlistView> items =
        em.createNamedQuery(WaitlistEntry.OF_EVENT, WaitlistEntry.class)
            .setParameter("eventId", eventId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(this::view)
            .toList();
    long total =
        em.createQuery(COUNT_OF_EVENT, Long.class)
            .setParameter("eventId", eventId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** The waiting demand of the organizer's event; 404 EVENT_NOT_FOUND for anyone else. */
  @Transactional
  public WaitlistSummary summary(long eventId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    Object[] waiting = demand(eventId, WaitlistStatus.WAITING);
    Object[] offered = demand(eventId, WaitlistStatus.OFFERED);
    long kept =
        ((Number) em.createQuery(KEPT_OF_EVENT).setParameter("eventId", eventId).getSingleResult())
            .longValue();
    return new WaitlistSummary(
        !ledger.isClosed(eventId),
        ((Number) waiting[0]).longValue(),
        ((Number) waiting[1]).longValue(),
        ((Number) offered[0]).longValue(),
        ((Number) offered[1]).longValue(),
        kept);
  }

  /** Closes the organizer's event's lists (404 EVENT_NOT_FOUND for anyone else); its summary. */
  public WaitlistSummary close(long eventId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    ledger.close(eventId);
    return summary(eventId, organizerId);
  }

  private Object[] demand(long eventId, WaitlistStatus status) {
    return (Object[])
        em.createQuery(DEMAND_OF_EVENT)
            .setParameter("eventId", eventId)
            .setParameter("status", status)
            .getSingleResult();
  }

  private WaitlistView view(WaitlistEntry entry) {
    return WaitlistView.of(
        entry, entry.status() == WaitlistStatus.WAITING ? ledger.positionOf(entry) : null);
  }
}
