package org.boxoffice.tickets.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A ticket's QR image and printable PDF, for its holder. */
@Path("tickets")
@ApplicationScoped
@Produces({"image/png", "application/pdf"})
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
public class TicketsResource {
  @Inject Tickets tickets;
  @Inject Caller caller;

  @TokenScope(ApiScope.BOOKINGS_READ)
  @GET
  @Path("{id: [0-9]{1,18}}/qr.png")
  @Produces("image/png")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getTicketQrCode", summary = "The ticket's QR code (its holder)")
  @APIResponse(responseCode = "200", description = "The ticket's QR code as a PNG image")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "TICKET_NOT_FOUND: no such ticket, or not the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response qr(@PathParam("id") long id) {
    return Response.ok(tickets.qrPng(id, caller.userId()), "image/png")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @TokenScope(ApiScope.BOOKINGS_READ)
  @GET
  @Path("{id: [0-9]{1,18}}.pdf")
  @Produces("application/pdf")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getTicketPdf", summary = "The printable ticket (its holder)")
  @APIResponse(responseCode = "200", description = "The printable ticket as a PDF")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "TICKET_NOT_FOUND: no such ticket, or not the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response pdf(@PathParam("id") long id) {
    return Response.ok(tickets.pdf(id, caller.userId()), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"ticket-" + id + ".pdf\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }
}
