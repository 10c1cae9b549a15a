package org.boxoffice.waitlist.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.boxoffice.booking.boundary.WaitingDemand;
import org.boxoffice.waitlist.entity.WaitlistStatus;

/** The waiting demand of an event for the organizer's stats: WAITING entries and their seats. */
@ApplicationScoped
public class WaitlistDemand implements WaitingDemand {
  private static final String DEMAND =
      "SELECT COUNT(w), COALESCE(SUM(w.quantity), 0) FROM WaitlistEntry w"
          + " WHERE w.eventId = :eventId AND w.status = :status";

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public Demand of(long eventId) {
    Object[] row =
        (Object[])
            em.createQuery(DEMAND)
                .setParameter("eventId", eventId)
                .setParameter("status", WaitlistStatus.WAITING)
                .getSingleResult();
    return new Demand(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }
}
