package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.payments.OutboxMails.awaitSent;
import static org.boxoffice.payments.OutboxMails.bodyMentions;
import static org.boxoffice.payments.OutboxMails.expectedMessageId;
import static org.boxoffice.payments.PaymentFixtures.booked;
import static org.boxoffice.payments.PaymentFixtures.id;
import static org.boxoffice.payments.PaymentFixtures.publishedEvent;
import static org.boxoffice.payments.StripeCopyServer.api;
import static org.boxoffice.payments.StripeCopyServer.awaitMail;
import static org.boxoffice.payments.StripeCopyServer.bookingMails;
import static org.boxoffice.payments.StripeCopyServer.copy;
import static org.boxoffice.payments.StripeCopyServer.env;
import static org.boxoffice.payments.StripeCopyServer.gauge;
import static org.boxoffice.payments.StripeCopyServer.restartSmtp;
import static org.boxoffice.payments.StripeCopyServer.stopSmtp;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.boxoffice.it.support.Accounts;
import org.boxoffice.it.support.Accounts.User;
import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.Db;
import org.boxoffice.it.support.LibertyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the outbox delivers emails: once per message id, through SMTP outages, across servers, and
 * what its metrics show.
 *
 * <p>Runs on the copy server of {@link StripeCopyServer}, shared with the other Stripe and email
 * tests; every test makes its own users, event and bookings, so they run in any order.
 */
@ExtendWith(StripeCopyServer.class)
class OutboxDeliveryIT {
  @Test
  void an_email_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Sent twice", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 1);
    MimeMessage first = awaitMail(buyer.email(), 1).get(0);
    awaitSent(id(booking));

    // As if the server died after SMTP accepted the email, before the row was marked SENT.
    Db.update(
        "UPDATE outbox SET status = 'QUEUED', sent_at = NULL, next_attempt_at = now()"
            + " WHERE booking_id = ?",
        id(booking));

    List<MimeMessage> both = awaitMail(buyer.email(), 2);
    assertThat(both).hasSize(2);
    assertThat(both.get(1).getMessageID())
        .isEqualTo(first.getMessageID())
        .isEqualTo(expectedMessageId(id(booking), "confirmation"));
  }

  @Test
  void an_email_waits_while_smtp_is_down_is_retried_and_sent_once_it_is_back() throws Exception {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "SMTP outage", 10, "0");
    stopSmtp();
    JsonObject booking;
    try {
      booking = booked(api(buyer), eventId, 1);
      PaymentFixtures.await(
          () ->
              Db.number(
                      "SELECT count(*) FROM outbox WHERE booking_id = ? AND status = 'QUEUED'"
                          + " AND attempts >= 2 AND last_error IS NOT NULL",
                      id(booking))
                  == 1,
          Duration.ofSeconds(90),
          "the email was not retried while SMTP was down");
      PaymentFixtures.await(
          () -> {
            long waiting = Db.number("SELECT count(*) FROM outbox WHERE status = 'QUEUED'");
            return waiting >= 1 && gauge("outbox_queued") == waiting;
          },
          Duration.ofSeconds(30),
          "outbox_queued does not show the waiting email");
    } finally {
      restartSmtp();
    }
    assertThat(awaitMail(buyer.email(), 1)).hasSize(1);
    awaitSent(id(booking));
  }

  @Test
  void metrics_show_how_many_emails_wait_and_how_many_were_given_up() {
    User organizer = Accounts.organizer();
    User buyer = Accounts.attendee();
    long eventId = publishedEvent(api(organizer), "Dead letter", 10, "0");
    JsonObject booking = booked(api(buyer), eventId, 1);
    awaitSent(id(booking));
    long deadBefore = Db.number("SELECT count(*) FROM outbox WHERE status = 'DEAD'");

    // As if its attempts had run out.
    Db.update("UPDATE outbox SET status = 'DEAD' WHERE booking_id = ?", id(booking));

    PaymentFixtures.await(
        () -> gauge("outbox_dead") == deadBefore + 1,
        Duration.ofSeconds(30),
        "outbox_dead does not count the dead email");
    PaymentFixtures.await(
        () ->
            gauge("outbox_queued")
                == Db.number("SELECT count(*) FROM outbox WHERE status = 'QUEUED'"),
        Duration.ofSeconds(30),
        "outbox_queued does not agree with the table");
  }

  @Test
  void two_servers_sending_the_same_outbox_send_each_email_exactly_once() throws Exception {
    User organizer = Accounts.organizer();
    try (LibertyServer second =
        LibertyServer.copyOfMain("boxoffice-stripe-b", LibertyServer.port(12), env())) {
      second.start().awaitReady(200, Duration.ofMinutes(4));
      User buyer = Accounts.attendee();
      long eventId = publishedEvent(api(organizer), "Two senders", 20, "0");
      List<Long> bookings = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Api api = (i % 2 == 0 ? copy().api() : second.api()).as(buyer.token());
        bookings.add(id(booked(api, eventId, 1)));
      }
      PaymentFixtures.await(
          () ->
              Db.number(
                      "SELECT count(*) FROM outbox WHERE kind = 'confirmation' AND status = 'SENT'"
                          + " AND recipient = ?",
                      buyer.email())
                  == 6,
          Duration.ofSeconds(90),
          "not every email was sent");
      Thread.sleep(3_000);
      MimeMessage[] received = bookingMails(buyer.email());
      assertThat(received).hasSize(6);
      for (Long bookingId : bookings) {
        assertThat(
                Arrays.stream(received).filter(m -> bodyMentions(m, "booking " + bookingId + " ")))
            .hasSize(1);
      }
    }
  }
}
