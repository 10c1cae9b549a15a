package org.boxoffice.booking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An event's figures and attendees, for its organizer. Its own root path per report, so the events
 * feature's {@code /events/{id}} resource keeps every other path under it.
 */
@Path("events/{eventId}/{report: stats|attendees}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
@SecurityRequirement(name = "bearer")
public class EventReportsResource {
  private static final MediaType CSV = new MediaType("text", "csv", "utf-8");

  @Inject OrganizerViews views;
  @Inject Caller caller;

  /**
   * {@code /stats}: {capacity, seatsSold, seatsHeld, revenue, currency, checkedIn, waitingEntries,
   * seatsWaiting}; {@code /attendees}: a page of holders of confirmed bookings, or all of them as
   * CSV with {@code ?format=csv}.
   */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @RolesAllowed("ORGANIZER")
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @Operation(
      operationId = "getEventReport",
      summary = "Event stats (/stats) or attendees (/attendees, ?format=csv for CSV)")
  @APIResponse(
      responseCode = "200",
      description =
          "The stats {capacity, seatsSold, seatsHeld, revenue, currency, checkedIn,"
              + " waitingEntries, seatsWaiting}, or a "
              + "page of attendees (all of them as CSV with ?format=csv)")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: format not json or csv, or page or size out of range")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response report(
      @PathParam("eventId") long eventId,
      @PathParam("report") String report,
      @QueryParam("format") @Pattern(regexp = "json|csv", message = "must be json or csv")
          String format,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    long organizer = caller.userId();
    if ("stats".equals(report)) {
      return Response.ok(views.stats(eventId, organizer), MediaType.APPLICATION_JSON_TYPE).build();
    }
    if ("csv".equals(format)) {
      return Response.ok(views.attendeesCsv(eventId, organizer), CSV)
          .header(
              "Content-Disposition", "attachment; filename=\"event-" + eventId + "-attendees.csv\"")
          .build();
    }
    return Response.ok(
            views.attendees(eventId, organizer, page, size), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
