package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.boxoffice.identity.boundary.AccountEmailRequested;
import org.boxoffice.notifications.control.EmailFormats;
import org.boxoffice.notifications.control.NotificationSettings;
import org.boxoffice.notifications.control.Templates;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.platform.entity.Languages;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Queues identity's account emails (address verification, password reset, change of address) in the
 * outbox, in the transaction that issued their one-time token, in the account's language. The link
 * points at the web client under {@code boxoffice.public.base.url}; the client posts the token to
 * {@code /api/v1/auth/verify-email} or {@code /api/v1/auth/password-reset/confirm}. Nothing here
 * logs the token.
 */
@ApplicationScoped
public class AccountEmails {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject @ConfigProperties NotificationSettings settings;

  @Transactional(Transactional.TxType.MANDATORY)
  void onAccountEmail(@Observes AccountEmailRequested request) {
    String template =
        switch (request.purpose()) {
          case VERIFY_EMAIL -> "verify-email";
          case RESET_PASSWORD -> "password-reset";
          case CHANGE_EMAIL -> "change-email";
          case EMAIL_CHANGE_NOTICE -> "email-change-notice";
        };
    Locale locale = Languages.of(request.locale());
    Map<String, String> values = new HashMap<>();
    values.put("firstName", request.firstName());
    values.put("newEmail", request.newEmail());
    if (request.token() != null) {
      // A new address is confirmed on the same page as a new account's.
      String page =
          request.purpose() == AccountEmailRequested.Purpose.CHANGE_EMAIL
              ? "verify-email"
              : template;
      values.put("link", link(page, request.token()));
      values.put(
          "validFor",
          EmailFormats.validFor(Duration.between(clock.instant(), request.expiresAt()), locale));
    }
    Templates.Rendered mail = Templates.render(template, locale, values);
    em.persist(
        OutboxMessage.queue(
            new OutboxMessage.Content(
                OutboxMessage.ACCOUNT_KIND_PREFIX + template,
                request.email(),
                mail.subject(),
                mail.text(),
                mail.html(),
                null,
                null),
            clock.instant()));
  }

  private String link(String page, String token) {
    String base =
        settings.publicBaseUrl.endsWith("/")
            ? settings.publicBaseUrl.substring(0, settings.publicBaseUrl.length() - 1)
            : settings.publicBaseUrl;
    return base + "/" + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
