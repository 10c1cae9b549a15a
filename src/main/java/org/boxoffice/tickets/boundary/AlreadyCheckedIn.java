package org.boxoffice.tickets.boundary;

import static org.boxoffice.tickets.entity.TicketErrors.ALREADY_CHECKED_IN;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/**
 * ALREADY_CHECKED_IN, a conflict: a second scan of a ticket. The API's error body is that of any
 * {@link DomainException} (the first time in {@code message} and in {@code details[checkedInAt]});
 * the check-in desk also reads {@link #first()}, the ticket as it was admitted the first time, to
 * show whose ticket it is and when it was used, in the event's own time zone.
 */
public class AlreadyCheckedIn extends DomainException {
  private static final long serialVersionUID = 1L;

  private final transient CheckinView first;

  AlreadyCheckedIn(CheckinView first) {
    super(
        Kind.CONFLICT,
        ALREADY_CHECKED_IN,
        "Ticket " + first.ticketNumber() + " was already checked in at " + first.checkedInAt(),
        List.of(new FieldDetail("checkedInAt", first.checkedInAt().toString())));
    this.first = first;
  }

  /** The ticket's number, its holder's name and the time it was first checked in (UTC). */
  public CheckinView first() {
    return first;
  }
}
