package org.boxoffice.events.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The organizer's own events, drafts included. */
@Path("organizer/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class OrganizerEventsResource {
  @Inject Catalog catalog;
  @Inject Caller caller;

  /** The caller's events in every status, soonest first. */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "listOrganizerEvents", summary = "The caller's events, every status")
  @SecurityRequirement(name = "bearer")
  @APIResponse(
      responseCode = "200",
      description = "A page of the caller's events in every status, soonest first")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<EventSummary> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return catalog.organizerEvents(caller.userId(), page, size);
  }
}
