package org.boxoffice.attendee;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.tickets.boundary.Tickets;

/**
 * {@code /wallet/tickets/{id}.pdf}: a ticket of the wallet's signed-in attendee as a PDF. Anyone
 * else's ticket, or no sign-in, is 404 (tickets' boundary checks the holder), as on the API.
 */
@WebServlet(name = "walletTickets", urlPatterns = "/wallet/tickets/*")
public class TicketDownloads extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern PDF = Pattern.compile("/([1-9][0-9]{0,17})\\.pdf");

  @Inject AttendeeSession session;
  @Inject Tickets tickets;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PDF.matcher(String.valueOf(request.getPathInfo()));
    if (!path.matches() || !session.isSignedIn()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long ticketId = Long.parseLong(path.group(1));
    byte[] pdf;
    try {
      pdf = tickets.pdf(ticketId, session.userId());
    } catch (DomainException notHeld) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"ticket-" + ticketId + ".pdf\"");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }
}
