package org.boxoffice.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.boxoffice.events.boundary.EventSummary;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.tickets.boundary.AlreadyCheckedIn;
import org.boxoffice.tickets.boundary.CheckinView;
import org.boxoffice.tickets.boundary.Tickets;
import org.boxoffice.tickets.entity.TicketErrors;

/**
 * The check-in desk at the door of one event: a USB scanner types a ticket's QR payload into one
 * field and presses Enter, or the door person types the ticket number printed under it; the answer
 * is a green ADMIT with the holder's name and ticket number, or a red STOP saying why (checked in
 * before — whose ticket and when, in the event's time zone; forged; unknown number; another event;
 * cancelled). The rules are the tickets boundary's, those of {@code POST /checkins}.
 */
@Named
@ViewScoped
public class CheckinDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "desk";

  /** What the door person sees after a scan. */
  public record Result(
      boolean admitted, String headline, String name, String ticketNumber, String detail)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Inject AdminSession session;
  @Inject OrganizerEvents organizerEvents;
  @Inject Tickets tickets;

  private List<EventSummary> events = List.of();
  private Long eventId;
  private String code;
  private Result result;

  /** {@code f:viewAction}: the events on sale; {@code ?event=} chooses one, as does having one. */
  public void load() {
    events =
        organizerEvents.of(session.userId()).stream()
            .filter(e -> e.status() == EventStatus.PUBLISHED)
            .toList();
    if (eventId != null && chosen() == null) {
      eventId = null;
    }
    if (eventId == null && events.size() == 1) {
      eventId = events.get(0).id();
    }
  }

  /** Checks in the code just scanned at the chosen event's door, then clears the field. */
  public void scan() {
    result = null;
    String scanned = code == null ? "" : code.strip();
    code = null;
    EventSummary event = chosen();
    if (event == null) {
      FacesMessages.fieldError(FORM + ":event", "choose the event at this door first");
      return;
    }
    if (scanned.isEmpty()) {
      FacesMessages.fieldError(FORM + ":code", "scan a ticket code or type its ticket number");
      return;
    }
    try {
      CheckinView admitted = tickets.checkInAt(event.id(), scanned, session.userId());
      result =
          new Result(
              true,
              "ADMIT",
              admitted.attendeeName(),
              admitted.ticketNumber(),
              "Checked in at " + clock(admitted.checkedInAt(), event));
    } catch (DomainException refusal) {
      result = refused(refusal, event);
    }
  }

  private Result refused(DomainException refusal, EventSummary event) {
    if (refusal instanceof AlreadyCheckedIn repeated) {
      CheckinView first = repeated.first();
      String when = clock(first.checkedInAt(), event);
      return new Result(
          false,
          "STOP — Already checked in at " + when,
          first.attendeeName(),
          first.ticketNumber(),
          "This ticket was first used at " + when + ".");
    }
    String headline =
        switch (refusal.code()) {
          case TicketErrors.INVALID_TICKET_CODE -> "Not a genuine ticket";
          case TicketErrors.TICKET_FOR_ANOTHER_EVENT -> "Ticket for another event";
          case TicketErrors.TICKET_NOT_FOUND -> "No such ticket";
          case TicketErrors.TICKET_NOT_VALID -> "Ticket no longer valid";
          default -> "Refused";
        };
    return new Result(false, "STOP — " + headline, null, null, refusal.getMessage());
  }

  /**
   * {@code 19:42:05 (Fri 27 Nov 2026, Europe/Paris)}: the door's own clock, in the event's zone.
   */
  static String clock(OffsetDateTime time, EventSummary event) {
    if (time == null) {
      return "an unknown time";
    }
    ZonedDateTime local = time.atZoneSameInstant(Times.zone(event.timeZone()));
    return Times.CLOCK.format(local)
        + " ("
        + Times.DAY.format(local)
        + ", "
        + local.getZone().getId()
        + ")";
  }

  private EventSummary chosen() {
    return eventId == null
        ? null
        : events.stream().filter(e -> e.id() == eventId).findFirst().orElse(null);
  }

  public List<EventSummary> getEvents() {
    return events;
  }

  public EventSummary getEvent() {
    return chosen();
  }

  public Long getEventId() {
    return eventId;
  }

  public void setEventId(Long eventId) {
    this.eventId = eventId;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public Result getResult() {
    return result;
  }
}
