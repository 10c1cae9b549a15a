package org.boxoffice.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.notifications.control.Mailer;
import org.boxoffice.notifications.entity.OutboxMessage;
import org.boxoffice.tickets.boundary.PrintableTickets;
import org.boxoffice.tickets.boundary.Tickets;

/**
 * The attachments of a batch of emails (tickets PDF, calendar), in two steps: what they are made
 * of, read from the tickets and events boundaries in one short transaction for the whole batch;
 * then the rendering, with no transaction and no database connection (the QR codes and the PDF are
 * the CPU-heavy part of an email). Each attachment is rendered once per attempt at its email.
 */
@ApplicationScoped
public class EmailAttachments {
  /** Above this many tickets the PDF is spooled to a file and streamed from it to SMTP. */
  static final int SPOOL_ABOVE_TICKETS = 10;

  @Inject Tickets tickets;
  @Inject Catalog catalog;

  /** What one attachment is made of. */
  public sealed interface Source permits TicketsPdf, Calendar {}

  /** The tickets of a booking, to print. */
  public record TicketsPdf(long bookingId, PrintableTickets tickets) implements Source {}

  /** An event's calendar entry, already written (it is small text). */
  public record Calendar(long eventId, String ics) implements Source {}

  /**
   * What the attachments of these emails are made of, by outbox id, in one transaction. An email
   * whose sources cannot be read is left out, with the reason, so that the others still go.
   */
  @Transactional
  public Loaded load(List<Outbox.Claimed> emails) {
    Map<Long, List<Source>> sources = new HashMap<>();
    Map<Long, RuntimeException> failures = new HashMap<>();
    // A hot sale's batch is many bookings of one event: its calendar is written once.
    Map<Long, String> calendars = new HashMap<>();
    for (Outbox.Claimed email : emails) {
      try {
        sources.put(email.id(), sources(email.content(), calendars));
      } catch (RuntimeException e) {
        failures.put(email.id(), e);
      }
    }
    return new Loaded(sources, failures);
  }

  /** The sources by outbox id, and the emails whose sources could not be read. */
  public record Loaded(Map<Long, List<Source>> sources, Map<Long, RuntimeException> failures) {}

  private List<Source> sources(OutboxMessage.Content c, Map<Long, String> calendars) {
    List<Source> files = new ArrayList<>();
    if (c.attachments() == null || c.attachments().isBlank()) {
      return files;
    }
    for (String spec : c.attachments().split(",")) {
      if (spec.equals("tickets") && c.bookingId() != null) {
        files.add(new TicketsPdf(c.bookingId(), tickets.printableOfBooking(c.bookingId())));
      } else if (spec.startsWith("ics:")) {
        long eventId = Long.parseLong(spec.substring(4));
        files.add(
            new Calendar(
                eventId,
                calendars.computeIfAbsent(eventId, id -> catalog.calendar(id, null, "boxoffice"))));
      }
    }
    return files;
  }

  /**
   * Renders the attachments; no transaction. A large PDF goes to a temporary file, named in {@code
   * spooled} so that the caller deletes it once the email is sent or has failed.
   */
  public static List<Mailer.Attachment> render(List<Source> sources, List<Path> spooled) {
    List<Mailer.Attachment> files = new ArrayList<>();
    for (Source source : sources) {
      if (source instanceof TicketsPdf pdf) {
        files.add(ticketsPdf(pdf, spooled));
      } else if (source instanceof Calendar ics) {
        files.add(
            Mailer.Attachment.of(
                "event-" + ics.eventId() + ".ics",
                "text/calendar; charset=UTF-8",
                ics.ics().getBytes(StandardCharsets.UTF_8)));
      }
    }
    return files;
  }

  private static Mailer.Attachment ticketsPdf(TicketsPdf pdf, List<Path> spooled) {
    String name = "tickets-" + pdf.bookingId() + ".pdf";
    if (pdf.tickets().count() <= SPOOL_ABOVE_TICKETS) {
      return Mailer.Attachment.of(name, "application/pdf", pdf.tickets().pdf());
    }
    try {
      Path file = Files.createTempFile("boxoffice-tickets-", ".pdf");
      spooled.add(file);
      try (OutputStream out = Files.newOutputStream(file)) {
        pdf.tickets().writePdf(out);
      }
      return Mailer.Attachment.spooled(name, "application/pdf", file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
