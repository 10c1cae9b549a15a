package org.boxoffice.payments;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boxoffice.it.support.Db;

/** What the outbox's emails and rows should look like. */
final class OutboxMails {
  private OutboxMails() {}

  /** {@code <outbox.<row id>.<created at, epoch ms>@boxoffice.test>}, from SMTP_FROM's domain. */
  static String expectedMessageId(long bookingId, String kind) {
    Map<String, Object> row =
        Db.query(
                "SELECT id, floor(extract(epoch FROM created_at) * 1000)::bigint AS millis"
                    + " FROM outbox WHERE booking_id = ? AND kind = ?",
                bookingId,
                kind)
            .get(0);
    return "<outbox." + row.get("id") + "." + row.get("millis") + "@boxoffice.test>";
  }

  static void awaitSent(long bookingId) {
    PaymentFixtures.await(
        () ->
            Db.number(
                    "SELECT count(*) FROM outbox WHERE booking_id = ? AND status = 'SENT'",
                    bookingId)
                == 1,
        Duration.ofSeconds(30),
        "the outbox row was not marked SENT");
  }

  static List<BodyPart> parts(Multipart multipart) throws Exception {
    List<BodyPart> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      parts.add(multipart.getBodyPart(i));
    }
    return parts;
  }

  static boolean bodyMentions(MimeMessage message, String text) {
    try {
      Multipart alternative =
          (Multipart) parts((Multipart) message.getContent()).get(0).getContent();
      return ((String) alternative.getBodyPart(0).getContent()).contains(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
