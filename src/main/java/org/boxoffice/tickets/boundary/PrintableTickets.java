package org.boxoffice.tickets.boundary;

import java.io.OutputStream;
import java.util.List;
import org.boxoffice.tickets.control.TicketImages;

/**
 * The tickets of a booking as they are printed, read in a short transaction ({@link
 * Tickets#printableOfBooking}) and rendered after it, so that the CPU work of the PDF and its QR
 * codes never holds a database connection.
 */
public record PrintableTickets(List<TicketImages.Printable> tickets) {
  public int count() {
    return tickets.size();
  }

  /** The printable PDF, one ticket a page. */
  public byte[] pdf() {
    return TicketImages.pdf(tickets);
  }

  /** The same PDF, written to {@code out} as it is made. */
  public void writePdf(OutputStream out) {
    TicketImages.pdf(tickets, out);
  }
}
