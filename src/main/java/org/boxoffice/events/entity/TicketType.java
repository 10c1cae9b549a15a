package org.boxoffice.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;

/**
 * A price tier of an event. With its own {@code quantity} it keeps its own counter ({@code
 * available}); without one it shares the event's capacity. {@code taken} counts the seats held or
 * sold through it either way.
 */
@Entity
@Table(name = "ticket_types")
public class TicketType {
  public static final int DEFAULT_MAX_PER_ORDER = 10;

  /** What an organizer sets on a tier. */
  public record Terms(
      String name,
      BigDecimal price,
      Integer quantity,
      Instant salesStart,
      Instant salesEnd,
      Integer maxPerOrder) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false)
  private Event event;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal price;

  private Integer quantity;

  private Integer available;

  @Column(nullable = false)
  private int taken;

  @Column(name = "sales_start")
  private Instant salesStart;

  @Column(name = "sales_end")
  private Instant salesEnd;

  @Column(name = "max_per_order", nullable = false)
  private int maxPerOrder;

  @Column(nullable = false)
  private boolean closed;

  /** Where the tier stands in its event's list: the order the organizer added them in. */
  @Column(name = "display_order", nullable = false)
  private int displayOrder;

  @Version private long version;

  protected TicketType() {}

  TicketType(Event event, Terms terms, int displayOrder) {
    this.event = event;
    this.displayOrder = displayOrder;
    this.name = terms.name();
    this.price = money(terms.price());
    this.quantity = terms.quantity();
    this.available = terms.quantity();
    this.salesStart = terms.salesStart();
    this.salesEnd = terms.salesEnd();
    this.maxPerOrder =
        terms.maxPerOrder() == null ? DEFAULT_MAX_PER_ORDER : terms.maxPerOrder().intValue();
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  int displayOrder() {
    return displayOrder;
  }

  /** Whether the tier sells at {@code now}: open, inside its window, before the event starts. */
  public boolean onSale(Instant now) {
    if (closed) {
      return false;
    }
    if (salesStart != null && now.isBefore(salesStart)) {
      return false;
    }
    Instant end = salesEnd != null ? salesEnd : event.startDate();
    return now.isBefore(end);
  }

  /** Seats this tier can still sell on its own count (the event's counter bounds it too). */
  public int ownAvailable() {
    return available == null ? Integer.MAX_VALUE : available;
  }

  /** Refuses, changing nothing, unless the tier has {@code quantity} seats left. */
  public void requireAvailable(int quantity) {
    if (quantity < 1) {
      throw DomainException.invalid("quantity", "must be at least 1");
    }
    if (available != null && quantity > available) {
      throw SoldOut.ofTicketType(available);
    }
  }

  /** Takes seats from the tier; refuses to go below zero. */
  public void reserve(int quantity) {
    requireAvailable(quantity);
    if (available != null) {
      available -= quantity;
    }
    taken += quantity;
  }

  /** Gives seats back to the tier; refuses to give back more than were taken. */
  public void release(int quantity) {
    if (quantity < 0 || quantity > taken) {
      throw DomainException.conflict(
          EventErrors.SEAT_COUNT_INVALID,
          "Cannot give back " + quantity + " seats: only " + taken + " are taken");
    }
    if (available != null) {
      available += quantity;
    }
    taken -= quantity;
  }

  /** A new own quantity (null: share the event's capacity); never below the seats taken. */
  public void changeQuantity(Integer newQuantity, String field) {
    if (newQuantity != null && newQuantity < taken) {
      throw CapacityBelowSold.ticketType(taken, field);
    }
    if (newQuantity != null && newQuantity > event.capacity()) {
      throw DomainException.invalid(field, "must be at most the capacity " + event.capacity());
    }
    quantity = newQuantity;
    available = newQuantity == null ? null : newQuantity - taken;
  }

  public void rename(String newName) {
    name = newName;
  }

  public void reprice(BigDecimal newPrice) {
    price = money(newPrice);
  }

  public void changeSalesWindow(Instant start, Instant end) {
    salesStart = start;
    salesEnd = end;
  }

  public void changeMaxPerOrder(int max) {
    maxPerOrder = max;
  }

  public void close() {
    closed = true;
  }

  public void reopen() {
    closed = false;
  }

  public Long id() {
    return id;
  }

  public Event event() {
    return event;
  }

  public String name() {
    return name;
  }

  public BigDecimal price() {
    return price;
  }

  public Integer quantity() {
    return quantity;
  }

  public Integer available() {
    return available;
  }

  public int taken() {
    return taken;
  }

  public Instant salesStart() {
    return salesStart;
  }

  public Instant salesEnd() {
    return salesEnd;
  }

  public int maxPerOrder() {
    return maxPerOrder;
  }

  public boolean closed() {
    return closed;
  }
}
