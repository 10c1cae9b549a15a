package org.boxoffice.waitlist.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.events.boundary.SeatLock;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.waitlist.control.WaitlistMetrics;
import org.boxoffice.waitlist.entity.KeptSeats;
import org.boxoffice.waitlist.entity.WaitlistEntry;

/**
 * The offer job's transactions. Each claims its work with SKIP LOCKED, so several servers share it
 * and never take the same rows: offers that ran out go back to the kept seats, and kept seats
 * become offers for the first entries in line they fit, under the event row's lock.
 *
 * <p>The rule, for the seats kept for a ticket type: the WAITING entries are gone through in join
 * order, and each one whose quantity fits the seats still kept gets an offer of them. An entry
 * wanting more seats than are kept keeps its place, and a smaller group behind it may go first with
 * the seats it cannot use (skip-ahead only for smaller groups); the seats freed next go to it
 * first. Seats left over stay kept for the list while anyone waits on it (nothing is kept beyond
 * what the people waiting want), and go back to open sale once nobody is left, the list is closed,
 * or the event no longer sells.
 */
@ApplicationScoped
public class WaitlistOffers {
  // Native, because JPQL has no SKIP LOCKED; PostgreSQL and H2 2.x both understand it.
  private static final String RUN_OUT =
      "SELECT * FROM waitlist_entries WHERE status = 'OFFERED' AND offer_expires_at <= ?1"
          + " ORDER BY offer_expires_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED";
  private static final String KEPT =
      "SELECT * FROM waitlist_kept_seats ORDER BY event_id, ticket_type_id, id LIMIT ?1"
          + " FOR UPDATE SKIP LOCKED";

  @PersistenceContext EntityManager em;
  @Inject SeatInventory inventory;
  @Inject WaitlistLedger ledger;
  @Inject WaitlistMetrics metrics;
  @Inject Event<WaitlistOffered> offers;
  @Inject Event<WaitlistOfferExpired> expiries;
  @Inject Clock clock;

  /**
   * Ends a batch of offers that ran out: EXPIRED, their seats kept for the next in line. Returns
   * how many. Needs no event lock: the seats stay taken, they only change hands within the list.
   */
  @Transactional
  public int expireRunOut(int batchSize) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<WaitlistEntry> due =
        em.createNativeQuery(RUN_OUT, WaitlistEntry.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, batchSize)
            .getResultList();
    for (WaitlistEntry entry : due) {
      entry.expire(now);
      em.persist(new KeptSeats(entry.eventId(), entry.ticketTypeId(), entry.quantity(), now));
      expiries.fire(
          new WaitlistOfferExpired(entry.id(), entry.userId(), entry.eventId(), entry.quantity()));
    }
    metrics.expired(due.size());
    return due.size();
  }

  /**
   * Claims a batch of kept seats and, event by event in ascending id order under each event row's
   * lock, offers them to the entries in line (the rule in the class comment). Returns how many
   * kept-seat rows it claimed.
   */
  @Transactional
  public int offerKept(int batchSize) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<KeptSeats> claimed =
        em.createNativeQuery(KEPT, KeptSeats.class).setParameter(1, batchSize).getResultList();
    Map<Long, Map<Long, Integer>> byEvent = new TreeMap<>();
    for (KeptSeats kept : claimed) {
      byEvent
          .computeIfAbsent(kept.eventId(), id -> new TreeMap<>())
          .merge(kept.ticketTypeId(), kept.seats(), Integer::sum);
      em.remove(kept);
    }
    // The claimed rows go first: what is still kept afterwards is written as one new row a tier.
    em.flush();
    byEvent.forEach((eventId, tiers) -> offer(eventId, tiers, now));
    return claimed.size();
  }

  private void offer(long eventId, Map<Long, Integer> tiers, Instant now) {
    SeatLock seats;
    try {
      seats = inventory.lock(eventId);
    } catch (DomainException gone) {
      // No such event any more (or never published): nothing to offer, nothing to give back.
      return;
    }
    boolean open = seats.onSale(now) && !ledger.isClosed(eventId);
    tiers.forEach(
        (ticketTypeId, keptSeats) -> {
          int left = keptSeats;
          boolean waiting = false;
          if (open) {
            List<WaitlistEntry> line =
                em.createNamedQuery(WaitlistEntry.WAITING_OF_TIER, WaitlistEntry.class)
                    .setParameter("ticketTypeId", ticketTypeId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            for (WaitlistEntry entry : line) {
              if (entry.quantity() <= left) {
                Instant until = now.plus(ledger.offerTime());
                entry.offer(until, now);
                left -= entry.quantity();
                metrics.offered();
                offers.fire(
                    new WaitlistOffered(
                        entry.id(), entry.userId(), eventId, entry.quantity(), until));
              } else {
                waiting = true;
              }
            }
          }
          if (left > 0 && waiting) {
            em.persist(new KeptSeats(eventId, ticketTypeId, left, now));
          } else if (left > 0) {
            inventory.releaseKept(eventId, ticketTypeId, left);
          }
        });
  }
}
