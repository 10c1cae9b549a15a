package org.boxoffice.waitlist.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Seats of a ticket type that came free while people waited for it: still taken in the events
 * feature's counters, kept for the list until the offer job makes offers of them (or gives them
 * back to open sale when nobody is left). Only ever inserted by whoever frees seats, and claimed by
 * the job with SKIP LOCKED and deleted.
 */
@Entity
@Table(name = "waitlist_kept_seats")
@NamedQuery(
    name = KeptSeats.OF_TIER,
    query =
        "SELECT COALESCE(SUM(k.seats), 0) FROM KeptSeats k WHERE k.ticketTypeId = :ticketTypeId")
public class KeptSeats {
  public static final String OF_TIER = "KeptSeats.ofTier";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "event_id", nullable = false)
  private long eventId;

  @Column(name = "ticket_type_id", nullable = false)
  private long ticketTypeId;

  @Column(nullable = false)
  private int seats;

  @Column(name = "kept_at", nullable = false)
  private Instant keptAt;

  protected KeptSeats() {}

  public KeptSeats(long eventId, long ticketTypeId, int seats, Instant now) {
    if (seats < 1) {
      throw new IllegalArgumentException("kept seats must be at least 1, not " + seats);
    }
    this.eventId = eventId;
    this.ticketTypeId = ticketTypeId;
    this.seats = seats;
    this.keptAt = now;
  }

  public long eventId() {
    return eventId;
  }

  public long ticketTypeId() {
    return ticketTypeId;
  }

  public int seats() {
    return seats;
  }
}
