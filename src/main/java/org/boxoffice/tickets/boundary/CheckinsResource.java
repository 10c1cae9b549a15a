package org.boxoffice.tickets.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Check-in at the door, by the event's organizer. */
@Path("checkins")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
public class CheckinsResource {
  @Inject Tickets tickets;
  @Inject Caller caller;

  /**
   * {code} or {ticketNumber} → 200 {ticketNumber, attendeeName, checkedInAt}; 400
   * INVALID_TICKET_CODE; 400 VALIDATION_FAILED without exactly one of the two or for a malformed
   * number; 404 for an unknown number or another organizer's ticket; 409 ALREADY_CHECKED_IN /
   * TICKET_NOT_VALID.
   */
  @TokenScope(ApiScope.CHECKINS_WRITE)
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "checkInTicket",
      summary =
          "Check a ticket in by its QR code, or by its typed ticket number (the event's organizer)")
  @APIResponse(
      responseCode = "200",
      description = "The ticket is checked in: {ticketNumber, attendeeName, checkedInAt}")
  @APIResponse(
      responseCode = "400",
      description =
          "INVALID_TICKET_CODE for a forged or malformed code; VALIDATION_FAILED without "
              + "exactly one of code and ticketNumber, or for a malformed ticket number")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description =
          "TICKET_NOT_FOUND: an unknown ticket number, or a ticket of another organizer's event")
  @APIResponse(
      responseCode = "409",
      description = "ALREADY_CHECKED_IN (with the first time in details), or TICKET_NOT_VALID")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public CheckinView checkIn(
      @NotNull(message = "a JSON body is required") @Valid CheckinRequest request) {
    long organizerId = caller.userId();
    if (request.hasCode() && request.hasTicketNumber()) {
      throw DomainException.invalid("ticketNumber", "send either code or ticketNumber, not both");
    }
    if (request.hasTicketNumber()) {
      return tickets.checkInByNumber(request.ticketNumber(), organizerId);
    }
    if (!request.hasCode()) {
      throw DomainException.invalid("code", "must not be blank (or send a ticketNumber)");
    }
    return tickets.checkIn(request.code(), organizerId);
  }
}
