package org.boxoffice.tickets.boundary;

import jakarta.validation.constraints.Size;

/**
 * {@code POST /checkins}: the payload read from a ticket's QR code, or else the number printed on
 * the ticket, typed by the door person (exactly one of the two).
 */
public record CheckinRequest(@Size(max = 200) String code, @Size(max = 40) String ticketNumber) {
  boolean hasCode() {
    return code != null && !code.isBlank();
  }

  boolean hasTicketNumber() {
    return ticketNumber != null && !ticketNumber.isBlank();
  }
}
