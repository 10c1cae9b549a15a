package org.boxoffice.privacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.boundary.AccountPrivacy;

/**
 * Erases an account: the owner proves who they are again, every feature may refuse (future events,
 * upcoming bookings), then every feature erases the person from its rows, the account itself last.
 * One transaction: a refusal or a failure leaves everything as it was.
 */
@ApplicationScoped
public class Erasures {
  @PersistenceContext EntityManager em;
  @Inject Instance<PersonalData> holders;
  @Inject AccountPrivacy accounts;
  @Inject AuditTrail audit;

  /** Erases the account of {@code userId}, once its owner proved who they are. */
  @Transactional
  public void erase(long userId, ErasureRequest request) {
    Person person = accounts.reauthenticate(userId, request.password(), request.totpCode());
    List<PersonalData> inOrder =
        holders.stream().sorted(Comparator.comparingInt(PersonalData::erasureOrder)).toList();
    inOrder.forEach(holder -> holder.checkErasable(person));
    // The record of the erasure comes first: the audit trail's trigger lets its pseudonymisation
    // through only in a transaction that wrote one (CURRENT_TIMESTAMP: the transaction's start).
    em.createNativeQuery(
            "INSERT INTO account_erasures (user_id, erased_at) VALUES (?1, CURRENT_TIMESTAMP)")
        .setParameter(1, userId)
        .executeUpdate();
    inOrder.forEach(holder -> holder.erase(person));
    audit.recordAs(userId, null, "account.erased", "user", Long.toString(userId), null);
  }
}
