package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.notifications.control.EmailFormats;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.waitlist.boundary.WaitlistClosed;
import org.boxoffice.waitlist.boundary.WaitlistOffered;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Queues the waiting list's emails in the outbox, in the transaction of their cause: an offer (with
 * the link that claims it, under {@code boxoffice.public.base.url}), and the news that a list
 * closed or its event was cancelled. Offers are urgent ({@link
 * OutboxMessage#WAITLIST_KIND_PREFIX}): they run out. In the recipient's language, the times in the
 * event's time zone.
 */
@ApplicationScoped
public class WaitlistEmails {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject Clock clock;
  @Inject @ConfigProperties NotificationSettings settings;

  @Transactional(Transactional.TxType.MANDATORY)
  void onOffered(@Observes WaitlistOffered offered) {
    UserView user = accounts.user(offered.userId());
    Locale locale = accounts.locale(offered.userId());
    EventView event = catalog.event(offered.eventId(), null);
    queue(
        "waitlist-offer",
        user,
        locale,
        Map.of(
            "eventTitle", event.title(),
            "eventStart",
                EmailFormats.when(event.startDate().toInstant(), event.timeZone(), locale),
            "seats", Templates.text(locale, "seats", offered.quantity()),
            "until", EmailFormats.when(offered.offerExpiresAt(), event.timeZone(), locale),
            "link", base() + "/waitlist/" + offered.entryId()));
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onClosed(@Observes WaitlistClosed closed) {
    UserView user = accounts.user(closed.userId());
    Locale locale = accounts.locale(closed.userId());
    EventView event = catalog.event(closed.eventId(), null);
    queue(
        "waitlist-closed",
        user,
        locale,
        Map.of(
            "eventTitle",
            event.title(),
            "reason",
            Templates.text(
                locale,
                closed.eventCancelled()
                    ? "waitlistClosed.eventCancelled"
                    : "waitlistClosed.closed")));
  }

  private void queue(String template, UserView user, Locale locale, Map<String, String> more) {
    Map<String, String> values = new java.util.HashMap<>(more);
    values.put("firstName", user.firstName());
    Templates.Rendered mail = Templates.render(template, locale, values);
    em.persist(
        OutboxMessage.queue(
            new OutboxMessage.Content(
                template, user.email(), mail.subject(), mail.text(), mail.html(), null, null),
            clock.instant()));
  }

  private String base() {
    return settings.publicBaseUrl.endsWith("/")
        ? settings.publicBaseUrl.substring(0, settings.publicBaseUrl.length() - 1)
        : settings.publicBaseUrl;
  }
}
