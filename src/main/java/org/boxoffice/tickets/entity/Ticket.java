package org.boxoffice.tickets.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One seat's ticket: {@code VALID} until its booking is cancelled ({@code CANCELLED}) or refunded
 * ({@code REFUNDED}); checked in at most once, and only while valid (see {@code Tickets#checkIn}).
 */
@Entity
@Table(name = "tickets")
@NamedQuery(
    name = Ticket.OF_BOOKING,
    query = "SELECT t FROM Ticket t WHERE t.bookingId = :bookingId ORDER BY t.id")
@NamedQuery(
    name = Ticket.BY_NUMBER,
    query = "SELECT t FROM Ticket t WHERE t.ticketNumber = :ticketNumber")
public class Ticket {
  public static final String OF_BOOKING = "Ticket.ofBooking";
  public static final String BY_NUMBER = "Ticket.byNumber";

  // From a sequence in blocks of 50 (migration V96): a batch of free bookings' tickets is one
  // batched INSERT.
  @Id
  @SequenceGenerator(name = "ticket_ids", sequenceName = "ticket_ids", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_ids")
  private Long id;

  @Column(name = "booking_id", nullable = false)
  private long bookingId;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "organizer_id", nullable = false)
  private long organizerId;

  @Column(name = "holder_id", nullable = false)
  private long holderId;

  @Column(name = "ticket_number", nullable = false)
  private String ticketNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TicketStatus status;

  @Column(name = "checked_in_at")
  private Instant checkedInAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Ticket() {}

  public static Ticket issue(
      long bookingId,
      long eventId,
      long organizerId,
      long holderId,
      String ticketNumber,
      Instant now) {
    Ticket t = new Ticket();
    t.bookingId = bookingId;
    t.eventId = eventId;
    t.organizerId = organizerId;
    t.holderId = holderId;
    t.ticketNumber = ticketNumber;
    t.status = TicketStatus.VALID;
    t.createdAt = now;
    return t;
  }

  public boolean valid() {
    return status == TicketStatus.VALID;
  }

  public Long id() {
    return id;
  }

  public long bookingId() {
    return bookingId;
  }

  public long eventId() {
    return eventId;
  }

  public long organizerId() {
    return organizerId;
  }

  public long holderId() {
    return holderId;
  }

  public String ticketNumber() {
    return ticketNumber;
  }

  public TicketStatus status() {
    return status;
  }

  public Instant checkedInAt() {
    return checkedInAt;
  }
}
