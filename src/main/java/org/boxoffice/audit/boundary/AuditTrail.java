package org.boxoffice.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.audit.entity.AuditEntry;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.control.ClientAddress;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.PlatformSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The audit trail, for every feature. {@code record} joins the caller's transaction (REQUIRED), so
 * the entry commits exactly when the audited change does; the actor comes from the access token (on
 * the admin pages: the signed-in account), the IP and correlation id from the request being served.
 */
@ApplicationScoped
public class AuditTrail {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Instance<HttpServletRequest> request;
  @Inject Caller caller;
  @Inject @ConfigProperties PlatformSettings platform;

  /** Records an operation by the signed-in caller (or by nobody, outside a signed-in request). */
  @Transactional(Transactional.TxType.REQUIRED)
  public void record(String action, String resourceType, String resourceId, String details) {
    if (hasToken()) {
      recordAs(
          caller.userId(), caller.email().orElse(null), action, resourceType, resourceId, details);
      return;
    }
    // Signed in to the admin pages: the caller's name is the account id.
    Principal signedIn = pagePrincipal();
    Long actorId = signedIn == null ? null : parseId(signedIn.getName());
    recordAs(actorId, null, action, resourceType, resourceId, details);
  }

  /** Records an operation by a known actor who has no token yet (sign-in, password reset). */
  @Transactional(Transactional.TxType.REQUIRED)
  public void recordAs(
      Long actorId,
      String actorEmail,
      String action,
      String resourceType,
      String resourceId,
      String details) {
    em.persist(
        new AuditEntry(
            clock.instant(),
            actorId,
            actorEmail,
            action,
            resourceType,
            resourceId,
            clientIp(),
            CorrelationId.current(),
            details));
  }

  /** Entries newest first, optionally of one action and/or one actor. */
  @Transactional
  public Page<AuditEntryView> find(String action, Long actorId, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object[]> parameters = new ArrayList<>();
    if (action != null && !action.isBlank()) {
      where.append(" AND e.action = :action");
      parameters.add(new Object[] {"action", action});
    }
    if (actorId != null) {
      where.append(" AND e.actorId = :actorId");
      parameters.add(new Object[] {"actorId", actorId});
    }
    TypedQuery<AuditEntry> items =
        em.createQuery(
            "SELECT e FROM AuditEntry e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
            AuditEntry.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM AuditEntry e" + where, Long.class);
    for (Object[] p : parameters) {
      items.setParameter((String) p[0], p[1]);
      count.setParameter((String) p[0], p[1]);
    }
    List<AuditEntryView> views =
        items
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(AuditEntryView::of)
            .toList();
    return new Page<>(views, page, size, count.getSingleResult());
  }

  /** Whether an API request with an access token is being served (none outside requests). */
  private boolean hasToken() {
    try {
      return caller.isSignedIn();
    } catch (ContextNotActiveException outsideRequest) {
      return false;
    }
  }

  /** The caller signed in to the admin pages, if a page request is being served. */
  private Principal pagePrincipal() {
    try {
      return request.isResolvable() ? request.get().getUserPrincipal() : null;
    } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
      return null;
    }
  }

  private String clientIp() {
    try {
      return request.isResolvable()
          ? ClientAddress.of(request.get(), platform.trustForwardedFor)
          : null;
    } catch (ContextNotActiveException | IllegalStateException outsideRequest) {
      return null;
    }
  }

  private static Long parseId(String subject) {
    try {
      return Long.valueOf(subject);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
