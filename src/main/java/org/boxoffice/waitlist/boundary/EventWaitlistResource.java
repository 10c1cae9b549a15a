package org.boxoffice.waitlist.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's waiting lists, for its organizer: the entries, the waiting demand, closing. */
@Path("events/{eventId}/waitlist")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Waiting list")
@SecurityRequirement(name = "bearer")
public class EventWaitlistResource {
  @Inject Waitlists waitlists;
  @Inject Caller caller;

  /** Every entry of the event, in join order, with position, quantity, status, offered until. */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "listEventWaitlist", summary = "The waiting list of one of your events")
  @APIResponse(responseCode = "200", description = "A page of the event's entries, in join order")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<WaitlistView> list(
      @PathParam("eventId") long eventId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return waitlists.ofEvent(eventId, caller.userId(), page, size);
  }

  /** The event's waiting demand: people and seats waiting, open offers, seats kept. */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @Path("summary")
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "getEventWaitlistSummary", summary = "The waiting demand of your event")
  @APIResponse(
      responseCode = "200",
      description = "{open, waitingEntries, seatsWanted, openOffers, seatsOffered, seatsKept}")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WaitlistSummary summary(@PathParam("eventId") long eventId) {
    return waitlists.summary(eventId, caller.userId());
  }

  /**
   * Closes the event's waiting lists: no one joins any more, the people waiting are told by email,
   * seats kept for them go back on sale; offers already made stay good until they run out.
   */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @Path("close")
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "closeEventWaitlist", summary = "Close the waiting list of your event")
  @APIResponse(responseCode = "200", description = "The waiting demand after closing")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WaitlistSummary close(@PathParam("eventId") long eventId) {
    return waitlists.close(eventId, caller.userId());
  }
}
