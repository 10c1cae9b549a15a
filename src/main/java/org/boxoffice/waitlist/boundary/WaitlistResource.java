package org.boxoffice.waitlist.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in attendee's places on waiting lists, and the offers made to them. */
@Path("waitlist")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting list")
@SecurityRequirement(name = "bearer")
public class WaitlistResource {
  @Inject WaitlistLedger ledger;
  @Inject Waitlists waitlists;
  @Inject Caller caller;

  /** Joins the line of a sold-out ticket type → 201 the entry with its position. */
  @POST
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "joinWaitlist",
      summary = "Join the waiting list of a sold-out ticket type",
      description =
          "Seats that come free are offered to the entries in join order, as holds for"
              + " BOXOFFICE_WAITLIST_OFFER_MINUTES (30) with an email; an entry wanting more seats"
              + " than came free keeps its place, and smaller groups behind it may go first.")
  @APIResponse(
      responseCode = "201",
      description = "The WAITING entry, with its position (1 = next)")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: missing or out-of-range fields, or no ticketTypeId for an event"
              + " with several ticket types")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "404", description = "EVENT_NOT_FOUND or TICKET_TYPE_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description =
          "BOOK_INSTEAD (the seats are on sale: book them), WAITLIST_ALREADY_JOINED (one live"
              + " entry per user and ticket type), WAITLIST_CLOSED, or EVENT_NOT_ON_SALE")
  @APIResponse(
      responseCode = "422",
      description = "MAX_PER_ORDER_EXCEEDED: more seats than the ticket type sells per order")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response join(
      @NotNull(message = "a JSON body is required") @Valid JoinRequest request,
      @Context UriInfo uri) {
    WaitlistView entry = ledger.join(caller.userId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(entry.id())).build())
        .entity(entry)
        .build();
  }

  /** The caller's live entries (WAITING or OFFERED), oldest first, with their positions. */
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "listWaitlistEntries", summary = "Your places on waiting lists")
  @APIResponse(
      responseCode = "200",
      description = "The caller's WAITING and OFFERED entries, oldest first, with positions")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<WaitlistView> mine(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return waitlists.mine(caller.userId(), page, size);
  }

  /** One of the caller's entries, whatever its state. */
  @GET
  @Path("{id}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getWaitlistEntry", summary = "One of your waiting-list entries")
  @APIResponse(responseCode = "200", description = "The entry")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "WAITLIST_ENTRY_NOT_FOUND: no such entry, or not the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WaitlistView get(@PathParam("id") long id) {
    return waitlists.get(id, caller.userId());
  }

  /** Leaves the line; an offer the entry held goes to the next in line. */
  @DELETE
  @Path("{id}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "leaveWaitlist", summary = "Leave a waiting list")
  @APIResponse(responseCode = "200", description = "The entry, LEFT")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "WAITLIST_ENTRY_NOT_FOUND: no such entry, or not the caller's")
  @APIResponse(
      responseCode = "409",
      description = "WAITLIST_ENTRY_OVER: the entry is claimed, declined, expired, left or closed")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WaitlistView leave(@PathParam("id") long id) {
    return ledger.leave(id, caller.userId());
  }

  /** Claims the entry's offer: its held seats become a booking, paid as usual. */
  @POST
  @Path("{id}/claim")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "claimWaitlistOffer",
      summary = "Claim an offer: its seats become your booking")
  @APIResponse(
      responseCode = "201",
      description =
          "The booking, as POST /bookings answers it: PENDING with expiresAt and its payment, or"
              + " CONFIRMED when free")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "WAITLIST_ENTRY_NOT_FOUND: no such entry, or not the caller's")
  @APIResponse(
      responseCode = "409",
      description =
          "OFFER_NOT_OPEN (no offer yet, or it ran out) or EVENT_NOT_ON_SALE (the event no"
              + " longer sells)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "PAYMENT_GATEWAY_UNAVAILABLE: the payment could not be opened")
  public Response claim(@PathParam("id") long id, @Context UriInfo uri) {
    BookingView booking = waitlists.claim(id, caller.userId());
    return Response.created(
            uri.getBaseUriBuilder().path("bookings").path(String.valueOf(booking.id())).build())
        .entity(booking)
        .build();
  }

  /** Declines the entry's offer: its seats go to the next in line. */
  @POST
  @Path("{id}/decline")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "declineWaitlistOffer", summary = "Decline an offer")
  @APIResponse(responseCode = "200", description = "The entry, DECLINED")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "WAITLIST_ENTRY_NOT_FOUND: no such entry, or not the caller's")
  @APIResponse(
      responseCode = "409",
      description = "OFFER_NOT_OPEN: the entry has no offer, or it ran out")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WaitlistView decline(@PathParam("id") long id) {
    return ledger.decline(id, caller.userId());
  }
}
