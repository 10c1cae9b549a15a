package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.OutboxMails.awaitSent;
import static org.boxoffice.payments.OutboxMails.expectedMessageId;
import static org.boxoffice.payments.OutboxMails.parts;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.awaitMail;

import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the confirmation email of a booking holds.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class ConfirmationEmailIT {
  @Test
  void the_confirmation_email_has_text_and_html_the_tickets_pdf_and_the_calendar()
      throws Exception {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Jazz <b>&</b> Blues", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 2);

    MimeMessage mail = awaitMail(buyer.email(), 1).get(0);

    assertThat(mail.getSubject()).isEqualTo("Your tickets for Jazz <b>&</b> Blues");
    assertThat(mail.getMessageID()).isEqualTo(expectedMessageId(id(booking), "confirmation"));
    List<BodyPart> parts = parts((Multipart) mail.getContent());
    Multipart alternative = (Multipart) parts.get(0).getContent();
    assertThat(alternative.getContentType()).startsWith("multipart/alternative");
    String text = (String) alternative.getBodyPart(0).getContent();
    String html = (String) alternative.getBodyPart(1).getContent();
    assertThat(text).contains("Jazz <b>&</b> Blues").contains("booking " + id(booking));
    assertThat(html).contains("Jazz &lt;b&gt;&amp;&lt;/b&gt; Blues").doesNotContain("<b>&</b>");
    assertThat(parts.get(1).getFileName()).isEqualTo("tickets-" + id(booking) + ".pdf");
    byte[] pdf = parts.get(1).getInputStream().readAllBytes();
    assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(parts.get(2).getFileName()).isEqualTo("event-" + eventId + ".ics");
    assertThat(new String(parts.get(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("BEGIN:VCALENDAR");
    awaitSent(id(booking));
  }
}
