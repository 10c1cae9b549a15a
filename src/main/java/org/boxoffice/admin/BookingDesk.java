package org.boxoffice.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.boxoffice.booking.boundary.Attendee;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.booking.boundary.Bookings;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.platform.boundary.ApiException;
import org.primefaces.model.LazyDataModel;

/**
 * The attendees and bookings of one event: a searchable lazy table, a booking's detail, the
 * organizer's cancel (seats and coupon use go back; refunds arrive with payments) and the CSV.
 */
@Named
@ViewScoped
public class BookingDesk implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AdminSession session;
  @Inject Events events;
  @Inject OrganizerViews views;
  @Inject Bookings bookings;

  private Long eventId;
  private OwnedEvent event;
  private String search;
  private LazyDataModel<Attendee> attendees;
  private BookingView detail;

  /** {@code f:viewAction}: the event named by {@code ?event=}, if the organizer's. */
  public void load() {
    if (eventId == null) {
      FacesMessages.error("No event chosen");
      return;
    }
    try {
      event = events.requireOwned(eventId, session.userId());
      attendees =
          new AttendeeModel(
              views, eventId, session.userId(), (Supplier<String> & Serializable) this::getSearch);
    } catch (ApiException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  public void show(long bookingId) {
    try {
      detail = views.booking(eventId, bookingId, session.userId());
    } catch (ApiException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  /** Cancels the booking as the event's organizer. */
  public void cancel(long bookingId) {
    try {
      BookingView cancelled = bookings.cancel(bookingId, session.userId());
      detail = cancelled;
      FacesMessages.info("Booking #" + bookingId + " cancelled: its seats are back on sale.");
    } catch (ApiException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  /**
   * Sends the attendees CSV, the same document as {@code GET /events/{id}/attendees?format=csv}.
   */
  public void exportCsv() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    byte[] csv = views.attendeesCsv(eventId, session.userId()).getBytes(StandardCharsets.UTF_8);
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("text/csv; charset=utf-8");
    external.setResponseContentLength(csv.length);
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"event-" + eventId + "-attendees.csv\"");
    external.getResponseOutputStream().write(csv);
    faces.responseComplete();
  }

  public OwnedEvent getEvent() {
    return event;
  }

  public LazyDataModel<Attendee> getAttendees() {
    return attendees;
  }

  public BookingView getDetail() {
    return detail;
  }

  public Long getEventId() {
    return eventId;
  }

  public void setEventId(Long eventId) {
    this.eventId = eventId;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
