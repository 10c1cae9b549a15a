package org.boxoffice.tickets.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tickets of a booking, for its booker. Its own root path, so booking's {@code /bookings}
 * resource keeps every other path under it.
 */
@Path("bookings/{id}/tickets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "bearer")
public class BookingTicketsResource {
  @Inject Tickets tickets;
  @Inject Caller caller;

  @TokenScope(ApiScope.BOOKINGS_READ)
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "listBookingTickets", summary = "The tickets of your booking")
  @APIResponse(responseCode = "200", description = "The booking's tickets")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "BOOKING_NOT_FOUND: no such booking, or not the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<TicketView> list(@PathParam("id") long id) {
    return tickets.ofBooking(id, caller.userId());
  }
}
