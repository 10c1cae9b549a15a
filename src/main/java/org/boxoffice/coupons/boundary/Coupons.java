package org.boxoffice.coupons.boundary;

import static org.boxoffice.coupons.entity.CouponErrors.COUPON_CODE_TAKEN;
import static org.boxoffice.coupons.entity.CouponErrors.COUPON_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.coupons.entity.Coupon;
import org.boxoffice.coupons.entity.DiscountType;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.events.boundary.SeatInventory;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.entity.DomainException;

/** Coupons of an event: the organizer's management, and redemption for bookings. */
@ApplicationScoped
public class Coupons {
  @PersistenceContext EntityManager em;
  @Inject Events events;
  @Inject SeatInventory inventory;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  /**
   * Creates a coupon for an event of the organizer; 404 EVENT_NOT_FOUND for another organizer's
   * event, 409 COUPON_CODE_TAKEN when the event has the code already (whatever its case).
   */
  @Transactional
  public CouponView create(long eventId, long organizerId, CouponRequest request) {
    OwnedEvent event = events.requireOwned(eventId, organizerId);
    DiscountType type = DiscountType.valueOf(request.discountType());
    if (type == DiscountType.PERCENT
        && (request.discountValue().compareTo(BigDecimal.ONE) < 0
            || request.discountValue().compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw DomainException.invalid("discountValue", "a percentage must be between 1 and 100");
    }
    Set<Long> tiers =
        new LinkedHashSet<>(request.ticketTypeIds() == null ? List.of() : request.ticketTypeIds());
    requireTiersOf(event, tiers);
    if (codeId(eventId, request.code()) != null) {
      throw codeTaken();
    }
    Coupon coupon =
        new Coupon(
            eventId,
            request.code(),
            type,
            request.discountValue(),
            request.maxUsages(),
            request.expiresAt() == null ? null : request.expiresAt().toInstant(),
            tiers,
            clock.instant());
    em.persist(coupon);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Two organizers' clicks raced past the check: the unique index decides.
      if (Failures.find(e, SQLException.class)
          .map(sql -> "23505".equals(sql.getSQLState()))
          .orElse(false)) {
        throw codeTaken();
      }
      throw e;
    }
    audit.record(
        "coupon.created",
        "coupon",
        Long.toString(coupon.id()),
        "event " + eventId + ", " + coupon.code() + ": " + type + " " + request.discountValue());
    return CouponView.of(coupon);
  }

  /** The event's coupons, oldest first; 404 EVENT_NOT_FOUND unless the caller organizes it. */
  @Transactional
  public Page<CouponView> list(long eventId, long organizerId, int page, int size) {
    events.requireOwned(eventId, organizerId);
    List<CouponView> items =
        em.createNamedQuery(Coupon.BY_EVENT, Coupon.class)
            .setParameter("eventId", eventId)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(CouponView::of)
            .toList();
    long total =
        em.createNamedQuery(Coupon.COUNT_BY_EVENT, Long.class)
            .setParameter("eventId", eventId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** Disables a coupon: later bookings can't use it; bookings that used it keep their price. */
  @Transactional
  public CouponView disable(long eventId, long couponId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    Coupon coupon = em.find(Coupon.class, couponId, LockModeType.PESSIMISTIC_WRITE);
    if (coupon == null || coupon.eventId() != eventId) {
      throw DomainException.notFound(COUPON_NOT_FOUND, "No such coupon");
    }
    coupon.disable();
    audit.record("coupon.disabled", "coupon", Long.toString(couponId), "event " + eventId);
    return CouponView.of(coupon);
  }

  /**
   * Locks the event's coupon with this code (any case) for the caller's transaction, which must
   * already hold the event row's lock (lock order event → coupon); empty when the event has no such
   * coupon.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<CouponLock> lock(long eventId, String code) {
    Long id = codeId(eventId, code);
    Coupon coupon = id == null ? null : em.find(Coupon.class, id, LockModeType.PESSIMISTIC_WRITE);
    return Optional.ofNullable(coupon).map(CouponLock::new);
  }

  /**
   * Counts a use again for a lapsed booking whose late payment takes its seats back (see {@link
   * Coupon#retakeUse}); false when the coupon has no use left. Locks the coupon row, so the caller
   * must already hold the event row's lock.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean retake(long couponId) {
    Coupon coupon = em.find(Coupon.class, couponId, LockModeType.PESSIMISTIC_WRITE);
    return coupon != null && coupon.retakeUse();
  }

  /** Gives a use back (expiry, cancellation); locks the coupon row, never goes below zero. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void giveBack(long couponId) {
    Coupon coupon = em.find(Coupon.class, couponId, LockModeType.PESSIMISTIC_WRITE);
    if (coupon != null) {
      coupon.giveBack();
    }
  }

  private Long codeId(long eventId, String code) {
    return em.createNamedQuery(Coupon.BY_CODE, Long.class)
        .setParameter("eventId", eventId)
        .setParameter("codeLower", Coupon.normalize(code))
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Checks the restriction names tiers of this event; drafts can't be checked yet (no peek). */
  private void requireTiersOf(OwnedEvent event, Set<Long> tiers) {
    if (tiers.isEmpty() || event.status() == EventStatus.DRAFT) {
      return;
    }
    for (Long tier : tiers) {
      try {
        inventory.peek(event.eventId(), tier);
      } catch (DomainException e) {
        throw DomainException.invalid(
            "ticketTypeIds", "ticket type " + tier + " is not a ticket type of this event");
      }
    }
  }

  private static DomainException codeTaken() {
    return DomainException.conflict(
        COUPON_CODE_TAKEN, "This event already has a coupon with this code");
  }
}
