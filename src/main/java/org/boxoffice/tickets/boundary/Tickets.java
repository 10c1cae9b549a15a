package org.boxoffice.tickets.boundary;

import static org.boxoffice.tickets.entity.TicketErrors.INVALID_TICKET_CODE;
import static org.boxoffice.tickets.entity.TicketErrors.TICKET_FOR_ANOTHER_EVENT;
import static org.boxoffice.tickets.entity.TicketErrors.TICKET_NOT_FOUND;
import static org.boxoffice.tickets.entity.TicketErrors.TICKET_NOT_VALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.boxoffice.booking.boundary.BookingCancelled;
import org.boxoffice.booking.boundary.BookingConfirmed;
import org.boxoffice.booking.boundary.BookingRefunded;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.boundary.CheckIns;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.boundary.UserView;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.boxoffice.tickets.control.QrKeys;
import org.boxoffice.tickets.control.TicketImages;
import org.boxoffice.tickets.control.TicketNumbers;
import org.boxoffice.tickets.entity.Ticket;
import org.boxoffice.tickets.entity.TicketStatus;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Tickets: issued with a confirmation, shown to their holder, checked in at the door. */
@ApplicationScoped
public class Tickets implements CheckIns {
  // One winner: the row changes only if nobody checked it in first and it still admits.
  private static final String CHECK_IN =
      "UPDATE tickets SET checked_in_at = ?1 WHERE id = ?2 AND checked_in_at IS NULL"
          + " AND status = 'VALID'";
  private static final String VOID_OF_BOOKING =
      "UPDATE Ticket t SET t.status = :status WHERE t.bookingId = :bookingId AND t.status = :valid";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm xxx");

  @PersistenceContext EntityManager em;
  @Inject QrKeys keys;
  @Inject Bookings bookings;
  @Inject Accounts accounts;
  @Inject Catalog catalog;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<TicketCheckedIn> checkins;

  /** One ticket per seat, in the transaction that confirms the booking. */
  @Transactional(Transactional.TxType.MANDATORY)
  void onConfirmed(@Observes BookingConfirmed confirmed) {
    Instant now = clock.instant();
    for (int i = 0; i < confirmed.quantity(); i++) {
      em.persist(
          Ticket.issue(
              confirmed.bookingId(),
              confirmed.eventId(),
              confirmed.organizerId(),
              confirmed.userId(),
              TicketNumbers.next(),
              now));
    }
    em.flush();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onCancelled(@Observes BookingCancelled cancelled) {
    voidTickets(cancelled.bookingId(), TicketStatus.CANCELLED);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onRefunded(@Observes BookingRefunded refunded) {
    voidTickets(refunded.bookingId(), TicketStatus.REFUNDED);
  }

  /** The tickets of the caller's own booking; 404 BOOKING_NOT_FOUND for anyone else's. */
  @Transactional
  public List<TicketView> ofBooking(long bookingId, long userId) {
    bookings.get(bookingId, userId);
    return ofBooking(bookingId).stream().map(this::view).toList();
  }

  /**
   * The tickets of a booking as printed, for its confirmation email's attachment: read here, in a
   * short transaction, and rendered by the caller after it ({@link PrintableTickets#pdf()}).
   */
  @Transactional
  public PrintableTickets printableOfBooking(long bookingId) {
    return printable(ofBooking(bookingId));
  }

  /** The QR image of the caller's own ticket; 404 TICKET_NOT_FOUND for anyone else's. */
  @Transactional
  public byte[] qrPng(long ticketId, long userId) {
    Ticket ticket = held(ticketId, userId);
    return TicketImages.qrPng(keys.signer().sign(ticket.id(), ticket.ticketNumber()));
  }

  /** The caller's own ticket, printable; 404 TICKET_NOT_FOUND for anyone else's. */
  @Transactional
  public byte[] pdf(long ticketId, long userId) {
    return pdf(List.of(held(ticketId, userId)));
  }

  /**
   * Checks a ticket in for its event's organizer: 400 INVALID_TICKET_CODE for a forged or malformed
   * code (decided by the signature alone), 404 TICKET_NOT_FOUND for another organizer's ticket, 409
   * TICKET_NOT_VALID for a cancelled or refunded one, 409 ALREADY_CHECKED_IN ({@link
   * AlreadyCheckedIn}, with the first time) for a second scan.
   */
  @Transactional
  public CheckinView checkIn(String code, long organizerId) {
    return admit(signed(code, organizerId), null);
  }

  /**
   * {@link #checkIn(String, long)} by the number printed on the ticket, typed at the door when its
   * QR code will not scan (see {@link TicketNumbers#parse} for what is accepted): 400
   * VALIDATION_FAILED on {@code ticketNumber} for something that is not a ticket number, 404
   * TICKET_NOT_FOUND for an unknown number or another organizer's ticket.
   */
  @Transactional
  public CheckinView checkInByNumber(String ticketNumber, long organizerId) {
    String number =
        TicketNumbers.parse(ticketNumber)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "ticketNumber", "must be a ticket number such as BX-7K3Q-9D2M"));
    return admit(numbered(number, organizerId), null);
  }

  /**
   * The admin check-in desk: a scanned QR code or a typed ticket number, at the door of one event.
   * A QR code is judged by its signature as in {@link #checkIn(String, long)}; a ticket number is
   * looked up. A ticket of another of the organizer's events is refused with 409
   * TICKET_FOR_ANOTHER_EVENT and stays unused.
   */
  @Transactional
  public CheckinView checkInAt(long eventId, String codeOrNumber, long organizerId) {
    Optional<String> number = TicketNumbers.parse(codeOrNumber);
    Ticket ticket =
        number.isPresent()
            ? numbered(number.get(), organizerId)
            : signed(codeOrNumber, organizerId);
    return admit(ticket, eventId);
  }

  /** The organizer's ticket a genuine QR code names; the database is asked only if it is. */
  private Ticket signed(String code, long organizerId) {
    var claim =
        keys.signer()
            .verify(code)
            .orElseThrow(
                () ->
                    new DomainException(
                        DomainException.Kind.INVALID,
                        INVALID_TICKET_CODE,
                        "This is not a genuine Boxoffice ticket code",
                        List.of(new FieldDetail("code", "is not a valid ticket code"))));
    Ticket ticket = em.find(Ticket.class, claim.ticketId());
    if (ticket == null
        || !ticket.ticketNumber().equals(claim.ticketNumber())
        || ticket.organizerId() != organizerId) {
      throw noSuchTicket();
    }
    return ticket;
  }

  /** The organizer's ticket with this (well-formed) number. */
  private Ticket numbered(String number, long organizerId) {
    return em.createNamedQuery(Ticket.BY_NUMBER, Ticket.class)
        .setParameter("ticketNumber", number)
        .getResultStream()
        .filter(t -> t.organizerId() == organizerId)
        .findFirst()
        .orElseThrow(Tickets::noSuchTicket);
  }

  private static DomainException noSuchTicket() {
    return DomainException.notFound(TICKET_NOT_FOUND, "No such ticket");
  }

  private CheckinView admit(Ticket ticket, Long eventId) {
    if (eventId != null && ticket.eventId() != eventId) {
      throw DomainException.conflict(
          TICKET_FOR_ANOTHER_EVENT,
          "Ticket " + ticket.ticketNumber() + " is for another event (#" + ticket.eventId() + ")");
    }
    // The database keeps microseconds: answer with the time it will report to a second scan.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int won =
        em.createNativeQuery(CHECK_IN)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, ticket.id())
            .executeUpdate();
    if (won == 0) {
      em.refresh(ticket);
      if (ticket.checkedInAt() != null) {
        throw new AlreadyCheckedIn(
            new CheckinView(ticket.ticketNumber(), holderName(ticket), utc(ticket.checkedInAt())));
      }
      throw DomainException.conflict(
          TICKET_NOT_VALID, "Ticket " + ticket.ticketNumber() + " is " + ticket.status());
    }
    metrics.counter("tickets.checked_in").inc();
    checkins.fire(
        new TicketCheckedIn(
            ticket.id(),
            ticket.ticketNumber(),
            ticket.bookingId(),
            ticket.eventId(),
            ticket.organizerId(),
            now));
    return new CheckinView(ticket.ticketNumber(), holderName(ticket), utc(now));
  }

  private String holderName(Ticket ticket) {
    UserView holder = accounts.user(ticket.holderId());
    return holder.firstName() + " " + holder.lastName();
  }

  /** How many tickets of the event were checked in. */
  @Override
  @Transactional
  public long checkedIn(long eventId) {
    return em.createQuery(
            "SELECT COUNT(t) FROM Ticket t WHERE t.eventId = :eventId AND t.checkedInAt IS NOT NULL",
            Long.class)
        .setParameter("eventId", eventId)
        .getSingleResult();
  }

  /** The bookings of the event with at least one ticket checked in. */
  @Override
  @Transactional
  public List<Long> bookingsCheckedIn(long eventId) {
    return em.createQuery(
            "SELECT DISTINCT t.bookingId FROM Ticket t WHERE t.eventId = :eventId"
                + " AND t.checkedInAt IS NOT NULL",
            Long.class)
        .setParameter("eventId", eventId)
        .getResultList();
  }

  private void voidTickets(long bookingId, TicketStatus status) {
    em.createQuery(VOID_OF_BOOKING)
        .setParameter("status", status)
        .setParameter("valid", TicketStatus.VALID)
        .setParameter("bookingId", bookingId)
        .executeUpdate();
  }

  private List<Ticket> ofBooking(long bookingId) {
    return em.createNamedQuery(Ticket.OF_BOOKING, Ticket.class)
        .setParameter("bookingId", bookingId)
        .getResultList();
  }

  private Ticket held(long ticketId, long userId) {
    Ticket ticket = em.find(Ticket.class, ticketId);
    if (ticket == null || ticket.holderId() != userId) {
      throw DomainException.notFound(TICKET_NOT_FOUND, "No such ticket");
    }
    return ticket;
  }

  private byte[] pdf(List<Ticket> tickets) {
    return printable(tickets).pdf();
  }

  private PrintableTickets printable(List<Ticket> tickets) {
    if (tickets.isEmpty()) {
      return new PrintableTickets(List.of());
    }
    Ticket first = tickets.get(0);
    EventView event = catalog.event(first.eventId(), first.organizerId());
    UserView holder = accounts.user(first.holderId());
    return new PrintableTickets(
        tickets.stream()
            .map(
                t ->
                    new TicketImages.Printable(
                        event.title(),
                        WHEN.format(event.startDate()),
                        event.location(),
                        holder.firstName() + " " + holder.lastName(),
                        t.ticketNumber(),
                        keys.signer().sign(t.id(), t.ticketNumber())))
            .toList());
  }

  private TicketView view(Ticket t) {
    return new TicketView(
        t.id(),
        t.ticketNumber(),
        keys.signer().sign(t.id(), t.ticketNumber()),
        t.status(),
        utc(t.checkedInAt()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
