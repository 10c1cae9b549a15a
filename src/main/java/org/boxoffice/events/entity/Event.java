package org.boxoffice.events.entity;

import static org.boxoffice.events.entity.EventErrors.INVALID_STATUS_TRANSITION;
import static org.boxoffice.events.entity.EventErrors.SEAT_COUNT_INVALID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.boxoffice.platform.entity.DomainException;

/**
 * An event an organizer sells seats for. It keeps its own seat counter ({@code availableSeats}),
 * which bounds every ticket type together: the tiers' quantities may add up to more than the
 * capacity, the sales never do.
 */
@Entity
@Table(name = "events")
@NamedQuery(
    name = Event.LOCK,
    query = "SELECT e FROM Event e WHERE e.id = :id",
    lockMode = LockModeType.PESSIMISTIC_WRITE)
public class Event {
  /**
   * The event's row, locked (SELECT ... FOR UPDATE); read afresh as long as it is the first read of
   * the event in its transaction (there is no shared entity cache). A named query: EclipseLink
   * prepares its SQL once, where a locking {@code find} built and normalised a new query every time
   * (8 % of a booking's CPU in the hot sale's profile).
   */
  public static final String LOCK = "Event.lock";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "organizer_id", nullable = false)
  private long organizerId;

  @Column(nullable = false)
  private String title;

  private String description;

  @Column(nullable = false)
  private String location;

  @Column(name = "start_date", nullable = false)
  private Instant startDate;

  @Column(name = "end_date", nullable = false)
  private Instant endDate;

  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  @Column(nullable = false)
  private int capacity;

  @Column(name = "available_seats", nullable = false)
  private int availableSeats;

  @Column(nullable = false)
  private String currency;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_gateway", nullable = false)
  private PaymentGatewayChoice paymentGateway = PaymentGatewayChoice.AUTO;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("displayOrder, id")
  private List<TicketType> ticketTypes = new ArrayList<>();

  protected Event() {}

  public Event(
      long organizerId,
      String title,
      String description,
      String location,
      Instant startDate,
      Instant endDate,
      String timeZone,
      int capacity,
      String currency,
      Instant now) {
    this.organizerId = organizerId;
    this.title = title;
    this.description = description;
    this.location = location;
    schedule(startDate, endDate, timeZone);
    this.capacity = capacity;
    this.availableSeats = capacity;
    this.currency = currency;
    this.status = EventStatus.DRAFT;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Adds a tier; its own quantity may not exceed the event's capacity. */
  public TicketType addTicketType(TicketType.Terms terms, String field) {
    if (terms.quantity() != null && terms.quantity() > capacity) {
      throw DomainException.invalid(
          field + ".quantity", "must be at most the capacity " + capacity);
    }
    int next = ticketTypes.stream().mapToInt(TicketType::displayOrder).max().orElse(-1) + 1;
    TicketType tier = new TicketType(this, terms, next);
    ticketTypes.add(tier);
    return tier;
  }

  /** Removes a tier that has never sold or held a seat; otherwise it can only be closed. */
  public void removeTicketType(TicketType tier) {
    if (tier.taken() > 0) {
      throw DomainException.conflict(
          EventErrors.TICKET_TYPE_HAS_SALES,
          "Seats of this ticket type were already taken; close it instead");
    }
    ticketTypes.remove(tier);
  }

  public Optional<TicketType> ticketType(long ticketTypeId) {
    return ticketTypes.stream().filter(t -> t.id() != null && t.id() == ticketTypeId).findFirst();
  }

  /** {@code DRAFT → PUBLISHED}: only a draft with a tier and a start still ahead. */
  public void publish(Instant now) {
    if (status != EventStatus.DRAFT) {
      throw DomainException.conflict(
          INVALID_STATUS_TRANSITION, "Only a draft can be published; this event is " + status(now));
    }
    if (!startDate.isAfter(now)) {
      throw new StartPassed();
    }
    if (ticketTypes.isEmpty()) {
      throw DomainException.refused(
          EventErrors.NO_TICKET_TYPES, "Add at least one ticket type before publishing");
    }
    status = EventStatus.PUBLISHED;
    updatedAt = now;
  }

  /**
   * {@code DRAFT | PUBLISHED → CANCELLED}. Returns false when the event was already cancelled (a
   * repeated cancel changes nothing), and refuses a completed event.
   */
  public boolean cancel(Instant now) {
    EventStatus current = status(now);
    if (current == EventStatus.CANCELLED) {
      return false;
    }
    if (current == EventStatus.COMPLETED) {
      throw DomainException.conflict(
          INVALID_STATUS_TRANSITION, "A completed event can no longer be cancelled");
    }
    status = EventStatus.CANCELLED;
    updatedAt = now;
    return true;
  }

  /** The status as clients see it: a published event whose end has passed is COMPLETED. */
  public EventStatus status(Instant now) {
    return status(status, endDate, now);
  }

  public static EventStatus status(EventStatus stored, Instant endDate, Instant now) {
    if (stored == EventStatus.PUBLISHED && !endDate.isAfter(now)) {
      return EventStatus.COMPLETED;
    }
    return stored;
  }

  /** Whether the event may still be edited: drafts and published events not yet over. */
  public void requireEditable(Instant now) {
    EventStatus current = status(now);
    if (current == EventStatus.CANCELLED || current == EventStatus.COMPLETED) {
      throw DomainException.conflict(
          EventErrors.EVENT_NOT_EDITABLE, "A " + current + " event can no longer be changed");
    }
  }

  /** Refuses, changing nothing, unless the event has {@code quantity} seats left. */
  public void requireAvailable(int quantity) {
    if (quantity < 1) {
      throw DomainException.invalid("quantity", "must be at least 1");
    }
    if (quantity > availableSeats) {
      throw SoldOut.ofEvent(availableSeats);
    }
  }

  /** Takes seats from the event's counter; refuses to go below zero. */
  public void reserve(int quantity) {
    requireAvailable(quantity);
    availableSeats -= quantity;
  }

  /** Gives seats back to the event's counter; refuses to go above the capacity. */
  public void release(int quantity) {
    if (quantity < 0 || quantity > seatsTaken()) {
      throw DomainException.conflict(
          SEAT_COUNT_INVALID,
          "Cannot give back " + quantity + " seats: only " + seatsTaken() + " are taken");
    }
    availableSeats += quantity;
  }

  /** Seats held or sold, across every tier. */
  public int seatsTaken() {
    return capacity - availableSeats;
  }

  public void changeCapacity(int newCapacity) {
    if (newCapacity < seatsTaken()) {
      throw CapacityBelowSold.event(seatsTaken());
    }
    for (TicketType tier : ticketTypes) {
      if (tier.quantity() != null && tier.quantity() > newCapacity) {
        throw DomainException.invalid(
            "capacity", "must be at least the quantity of ticket type " + tier.id());
      }
    }
    availableSeats = newCapacity - seatsTaken();
    capacity = newCapacity;
  }

  public void describe(String title, String description, String location) {
    if (title != null) {
      this.title = title;
    }
    if (description != null) {
      this.description = description;
    }
    if (location != null) {
      this.location = location;
    }
  }

  /** Moves the event; the end must come after the start. */
  public final void schedule(Instant start, Instant end, String zone) {
    if (!end.isAfter(start)) {
      throw DomainException.invalid("endDate", "must be after startDate");
    }
    this.startDate = start;
    this.endDate = end;
    this.timeZone = zone;
  }

  public void touch(Instant now) {
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public long organizerId() {
    return organizerId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String location() {
    return location;
  }

  public Instant startDate() {
    return startDate;
  }

  public Instant endDate() {
    return endDate;
  }

  public String timeZone() {
    return timeZone;
  }

  public int capacity() {
    return capacity;
  }

  public int availableSeats() {
    return availableSeats;
  }

  public String currency() {
    return currency;
  }

  public PaymentGatewayChoice paymentGateway() {
    return paymentGateway;
  }

  /** The organizer's choice of gateway; whether the server can honour it is checked before. */
  public void choosePaymentGateway(PaymentGatewayChoice choice) {
    this.paymentGateway = choice;
  }

  public EventStatus storedStatus() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  public List<TicketType> ticketTypes() {
    return List.copyOf(ticketTypes);
  }
}
