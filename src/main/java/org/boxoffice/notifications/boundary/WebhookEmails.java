package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.webhooks.boundary.WebhookEndpointDisabled;

/**
 * Tells an organizer, through the outbox and in the transaction that disabled it, that one of their
 * webhook endpoints kept failing and was disabled.
 */
@ApplicationScoped
public class WebhookEmails {
  @PersistenceContext EntityManager em;
  @Inject Accounts accounts;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  void onDisabled(@Observes WebhookEndpointDisabled disabled) {
    UserView organizer = accounts.user(disabled.organizerId());
    Templates.Rendered mail =
        Templates.render(
            "webhook-disabled",
            accounts.locale(disabled.organizerId()),
            Map.of(
                "firstName", organizer.firstName(),
                "url", disabled.url(),
                "endpointId", String.valueOf(disabled.endpointId()),
                "failures", String.valueOf(disabled.failures()),
                "lastError", disabled.lastError() == null ? "no answer" : disabled.lastError()));
    em.persist(
        OutboxMessage.queue(
            new OutboxMessage.Content(
                "webhook-disabled",
                organizer.email(),
                mail.subject(),
                mail.text(),
                mail.html(),
                null,
                null),
            clock.instant()));
  }
}
