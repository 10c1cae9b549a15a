package org.boxoffice.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.TicketTypeView;

/**
 * What the event page edits, as the organizer typed it: times are text in the event's own zone
 * until {@link EventTimes} reads them.
 */
public class EventForm implements Serializable {
  private static final long serialVersionUID = 1L;
  private String title;
  private String description;
  private String location;
  private String start;
  private String end;
  private String timeZone = "UTC";
  private Integer capacity;
  private String currency = "EUR";
  private String paymentGateway = "AUTO";
  private final List<TierRow> tiers = new ArrayList<>();

  /** A new event's form: one empty ticket type to fill in. */
  static EventForm blank() {
    EventForm form = new EventForm();
    form.tiers.add(new TierRow());
    return form;
  }

  /** The form of a saved event, its times written in its own zone. */
  static EventForm of(EventView event) {
    EventForm form = new EventForm();
    form.title = event.title();
    form.description = event.description();
    form.location = event.location();
    form.timeZone = event.timeZone();
    form.start = EventTimes.format(event.startDate(), event.timeZone());
    form.end = EventTimes.format(event.endDate(), event.timeZone());
    form.capacity = event.capacity();
    form.currency = event.currency();
    form.paymentGateway = event.paymentGateway().name();
    for (TicketTypeView tier : event.ticketTypes()) {
      form.tiers.add(TierRow.of(tier));
    }
    return form;
  }

  public List<TierRow> getTiers() {
    return tiers;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getPaymentGateway() {
    return paymentGateway;
  }

  public void setPaymentGateway(String paymentGateway) {
    this.paymentGateway = paymentGateway;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
