package org.boxoffice.tickets.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Check-in at the door, by the event's organizer. */
@Path("checkins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
public class CheckinsResource {
  @Inject Tickets tickets;
  @Inject JsonWebToken jwt;

  /**
   * 200 {ticketNumber, attendeeName, checkedInAt}; 400 INVALID_TICKET_CODE; 404 for another
   * organizer's ticket; 409 ALREADY_CHECKED_IN / TICKET_NOT_VALID.
   */
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Check a ticket in by its QR code (the event's organizer)")
  public CheckinView checkIn(
      @NotNull(message = "a JSON body is required") @Valid CheckinRequest request) {
    return tickets.checkIn(request.code(), Long.parseLong(jwt.getSubject()));
  }
}
