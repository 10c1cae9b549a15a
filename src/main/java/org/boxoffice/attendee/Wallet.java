package org.boxoffice.attendee;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.identity.boundary.SignIn;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.tickets.boundary.TicketView;
import org.boxoffice.tickets.boundary.Tickets;
import org.boxoffice.tickets.entity.TicketStatus;

/**
 * {@code /wallet}, the signed-in attendee's tickets: upcoming events first (soonest first), each
 * ticket with its QR code drawn large enough to scan from a phone, a PDF and the event's calendar
 * file; past events below. Only the caller's own bookings are read (the boundaries answer 404 for
 * anyone else's), so another attendee's tickets cannot be reached from here.
 */
@Named
@RequestScoped
public class Wallet {
  /** How many bookings the wallet reads; an attendee with more sees the newest. */
  static final int MAX_BOOKINGS = 200;

  @Inject AttendeeSession session;
  @Inject Bookings bookings;
  @Inject Catalog catalog;
  @Inject Tickets tickets;
  @Inject SignIn identity;
  @Inject PageLocale pageLocale;
  @Inject Clock clock;

  private final List<Entry> upcoming = new ArrayList<>();
  private final List<Entry> past = new ArrayList<>();

  /**
   * One booking's event and its tickets (getters: the pages' EL 5 does not read record components).
   */
  public record Entry(
      long eventId,
      String title,
      String when,
      String where,
      boolean cancelled,
      List<WalletTicket> tickets,
      Instant starts) {
    public long getEventId() {
      return eventId;
    }

    public String getTitle() {
      return title;
    }

    public String getWhen() {
      return when;
    }

    public String getWhere() {
      return where;
    }

    public boolean isCancelled() {
      return cancelled;
    }

    public List<WalletTicket> getTickets() {
      return tickets;
    }
  }

  /** A ticket with its QR image as a data URI (the page's policy allows {@code data:} images). */
  public record WalletTicket(long id, String number, boolean valid, String status, String qr) {
    public long getId() {
      return id;
    }

    public String getNumber() {
      return number;
    }

    public boolean isValid() {
      return valid;
    }

    public String getStatus() {
      return status;
    }

    public String getQr() {
      return qr;
    }
  }

  /** Not signed in: to the sign-in page. Else reads the caller's confirmed bookings. */
  public void load() throws IOException {
    if (!session.isSignedIn()) {
      ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
      context.redirect(context.getRequestContextPath() + "/sign-in");
      return;
    }
    long userId = session.userId();
    Instant now = clock.instant();
    for (BookingView booking : bookings.list(userId, 0, MAX_BOOKINGS).items()) {
      if (booking.status() != BookingStatus.CONFIRMED) {
        continue;
      }
      EventView event;
      try {
        event = catalog.event(booking.eventId(), userId);
      } catch (DomainException gone) {
        continue;
      }
      Entry entry = entry(event, tickets.ofBooking(booking.id(), userId), userId);
      (event.endDate().toInstant().isAfter(now) ? upcoming : past).add(entry);
    }
    upcoming.sort(Comparator.comparing(Entry::starts));
    past.sort(Comparator.comparing(Entry::starts).reversed());
  }

  /** Ends the identity session the wallet's sign-in opened, and this HTTP session. */
  public String signOut() throws IOException {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    if (session.isSignedIn()) {
      identity.logout(session.userId(), session.sessionId());
    }
    session.signOut();
    context.invalidateSession();
    context.redirect(context.getRequestContextPath() + "/sign-in");
    return null;
  }

  private Entry entry(EventView event, List<TicketView> held, long userId) {
    Locale locale = pageLocale.getLocale();
    String when =
        event
                .startDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale))
            + " "
            + event
                .startDate()
                .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
            + " ("
            + event.timeZone()
            + ")";
    List<WalletTicket> shown =
        held.stream()
            .map(
                ticket -> {
                  boolean valid = ticket.status() == TicketStatus.VALID;
                  String qr =
                      valid
                          ? "data:image/png;base64,"
                              + Base64.getEncoder()
                                  .encodeToString(tickets.qrPng(ticket.id(), userId))
                          : null;
                  return new WalletTicket(
                      ticket.id(),
                      ticket.ticketNumber(),
                      valid,
                      Texts.get("ticket.status." + ticket.status().name()),
                      qr);
                })
            .toList();
    return new Entry(
        event.id(),
        event.title(),
        when,
        event.location(),
        event.status() == EventStatus.CANCELLED,
        shown,
        event.startDate().toInstant());
  }

  public List<Entry> getUpcoming() {
    return upcoming;
  }

  public List<Entry> getPast() {
    return past;
  }

  public String getFirstName() {
    return session.getFirstName();
  }
}
