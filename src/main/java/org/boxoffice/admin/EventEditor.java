package org.boxoffice.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.CreateEventRequest;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.TicketTypeChange;
import org.boxoffice.events.boundary.TicketTypeRequest;
import org.boxoffice.events.boundary.TicketTypeView;
import org.boxoffice.events.boundary.UpdateEventRequest;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.platform.entity.DomainException;

/**
 * Creates and edits an event with its ticket types; publishes and cancels it. Every rule is the
 * events boundary's: its Bean Validation constraints and its refusals come back as messages next to
 * the inputs they name.
 */
@Named
@ViewScoped
public class EventEditor implements Serializable {
  private static final long serialVersionUID = 1L;
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final String FORM = "event";
  private static final Pattern TIER_FIELD =
      Pattern.compile("(ticketTypes|addTicketTypes)\\[(\\d+)]\\.?(\\w*)");

  /** A ticket type as the form edits it; {@code id} is null for one not saved yet. */
  public static class TierRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long id;
    private String name;
    private BigDecimal price;
    private Integer quantity;
    private Integer maxPerOrder;
    private int available;

    public Long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public BigDecimal getPrice() {
      return price;
    }

    public void setPrice(BigDecimal price) {
      this.price = price;
    }

    public Integer getQuantity() {
      return quantity;
    }

    public void setQuantity(Integer quantity) {
      this.quantity = quantity;
    }

    public Integer getMaxPerOrder() {
      return maxPerOrder;
    }

    public void setMaxPerOrder(Integer maxPerOrder) {
      this.maxPerOrder = maxPerOrder;
    }

    public int getAvailable() {
      return available;
    }
  }

  @Inject AdminSession session;
  @Inject Events events;
  @Inject Catalog catalog;
  @Inject Validator validator;

  private Long id;
  private boolean justCreated;
  private EventView saved;
  private String title;
  private String description;
  private String location;
  private String start;
  private String end;
  private String timeZone = "UTC";
  private Integer capacity;
  private String currency = "EUR";
  private final List<TierRow> tiers = new ArrayList<>();

  /** {@code f:viewAction}: loads the event named by {@code ?id=}, or starts a new one. */
  public void load() {
    if (FacesContext.getCurrentInstance().isPostback()) {
      return;
    }
    tiers.clear();
    if (id == null) {
      tiers.add(new TierRow());
      return;
    }
    try {
      show(catalog.event(id, session.userId()));
      if (justCreated) {
        FacesMessages.info("Event created as a draft. Publish it to put it on sale.");
      }
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  private void show(EventView event) {
    if (event.organizerId() != session.userId()) {
      throw DomainException.notFound(EventErrors.EVENT_NOT_FOUND, "No such event");
    }
    saved = event;
    id = event.id();
    title = event.title();
    description = event.description();
    location = event.location();
    timeZone = event.timeZone();
    ZoneId zone = ZoneId.of(event.timeZone());
    start = LOCAL.format(event.startDate().atZoneSameInstant(zone));
    end = LOCAL.format(event.endDate().atZoneSameInstant(zone));
    capacity = event.capacity();
    currency = event.currency();
    tiers.clear();
    for (TicketTypeView t : event.ticketTypes()) {
      TierRow row = new TierRow();
      row.id = t.id();
      row.name = t.name();
      row.price = t.price();
      row.quantity = t.quantity();
      row.maxPerOrder = t.maxPerOrder();
      row.available = t.available();
      tiers.add(row);
    }
  }

  public void addTier() {
    tiers.add(new TierRow());
  }

  /** Creates the event (then shows it) or saves the changes of the one shown. */
  public String save() {
    OffsetDateTime startDate = time(start, "start");
    OffsetDateTime endDate = time(end, "end");
    try {
      if (saved == null) {
        CreateEventRequest request =
            new CreateEventRequest(
                title,
                description,
                location,
                startDate,
                endDate,
                timeZone,
                capacity,
                currency,
                tiers.stream().map(EventEditor::newTier).toList());
        if (!valid(request)) {
          return null;
        }
        EventView created = events.create(session.userId(), request);
        // Said by the page it redirects to, not through the flash: the redirect is sent before the
        // flash is saved, and on a busy server the browser's GET can overtake that save.
        return "/admin/event.xhtml?faces-redirect=true&created=true&id=" + created.id();
      }
      update(startDate, endDate);
      return null;
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
      return null;
    }
  }

  private void update(OffsetDateTime startDate, OffsetDateTime endDate) {
    List<TicketTypeChange> changes = new ArrayList<>();
    List<TicketTypeRequest> added = new ArrayList<>();
    for (TierRow row : tiers) {
      if (row.id == null) {
        added.add(newTier(row));
        continue;
      }
      TicketTypeView was =
          saved.ticketTypes().stream().filter(t -> t.id() == row.id).findFirst().orElseThrow();
      changes.add(
          new TicketTypeChange(
              row.id,
              Objects.equals(row.name, was.name()) ? null : row.name,
              row.price != null && row.price.compareTo(was.price()) == 0 ? null : row.price,
              Objects.equals(row.quantity, was.quantity()) ? null : row.quantity,
              null,
              null,
              Objects.equals(row.maxPerOrder, was.maxPerOrder()) ? null : row.maxPerOrder,
              null));
    }
    UpdateEventRequest request =
        new UpdateEventRequest(
            title,
            description,
            location,
            startDate,
            endDate,
            timeZone,
            Objects.equals(capacity, saved.capacity()) ? null : capacity,
            changes,
            added.isEmpty() ? null : added);
    if (!valid(request)) {
      return;
    }
    events.update(id, session.userId(), request);
    show(catalog.event(id, session.userId()));
    FacesMessages.info("Changes saved.");
  }

  /** DRAFT → PUBLISHED. */
  public void publish() {
    try {
      events.publish(id, session.userId());
      show(catalog.event(id, session.userId()));
      FacesMessages.info("Published: the event is on sale.");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
    }
  }

  /** Cancels the event: booking cancels and refunds every booking with it. */
  public void cancel() {
    try {
      events.cancel(id, session.userId());
      show(catalog.event(id, session.userId()));
      FacesMessages.info("The event is cancelled; every booking was cancelled and refunded.");
    } catch (DomainException refusal) {
      FacesMessages.refused(refusal, this::clientId);
    }
  }

  /** Reports the request's violations; false when they, or an unreadable date, stop the save. */
  private <T> boolean valid(T request) {
    var violations = validator.validate(request);
    FacesMessages.violations(violations, this::clientId);
    return violations.isEmpty() && !FacesContext.getCurrentInstance().isValidationFailed();
  }

  private static TicketTypeRequest newTier(TierRow row) {
    return new TicketTypeRequest(row.name, row.price, row.quantity, null, null, row.maxPerOrder);
  }

  private OffsetDateTime time(String value, String input) {
    if (value == null || value.isBlank()) {
      FacesMessages.fieldError(FORM + ":" + input, "is required");
      return null;
    }
    try {
      ZoneId zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
      return LocalDateTime.parse(value.strip(), LOCAL).atZone(zone).toOffsetDateTime();
    } catch (DateTimeException e) {
      FacesMessages.fieldError(
          FORM + ":" + input, "must be a date and time such as 2027-03-01 19:30 and a known zone");
      return null;
    }
  }

  /** The client id of the input an API field name is about, or null when none shows it. */
  String clientId(String field) {
    Matcher tier = TIER_FIELD.matcher(field);
    if (tier.matches()) {
      int index = Integer.parseInt(tier.group(2));
      int row = "addTicketTypes".equals(tier.group(1)) ? rowOfNew(index) : rowOfSaved(index);
      String input = tier.group(3).isEmpty() ? "name" : tier.group(3);
      return row < 0 || !List.of("name", "price", "quantity", "maxPerOrder").contains(input)
          ? null
          : FORM + ":tiers:" + row + ":" + input;
    }
    return switch (field) {
      case "title", "description", "location", "timeZone", "capacity", "currency" ->
          FORM + ":" + field;
      case "startDate" -> FORM + ":start";
      case "endDate" -> FORM + ":end";
      default -> null;
    };
  }

  /** Creating, ticketTypes[i] is row i; editing, it is the i-th saved row (the rest are new). */
  private int rowOfSaved(int index) {
    if (saved == null) {
      return index < tiers.size() ? index : -1;
    }
    int seen = 0;
    for (int row = 0; row < tiers.size(); row++) {
      if (tiers.get(row).id != null && seen++ == index) {
        return row;
      }
    }
    return -1;
  }

  private int rowOfNew(int index) {
    int seen = 0;
    for (int row = 0; row < tiers.size(); row++) {
      if (tiers.get(row).id == null && seen++ == index) {
        return row;
      }
    }
    return -1;
  }

  public boolean isCreating() {
    return saved == null;
  }

  public boolean isEditable() {
    return saved == null || "DRAFT".equals(saved.status()) || "PUBLISHED".equals(saved.status());
  }

  public EventView getSaved() {
    return saved;
  }

  public List<TierRow> getTiers() {
    return tiers;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isJustCreated() {
    return justCreated;
  }

  public void setJustCreated(boolean justCreated) {
    this.justCreated = justCreated;
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

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
