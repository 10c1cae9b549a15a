package org.boxoffice.events.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events: the public catalog and the organizer's commands on an event. */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventsResource {
  static final String CALENDAR = "text/calendar; charset=utf-8";

  @Inject Events events;
  @Inject Catalog catalog;
  @Inject Caller caller;

  @Inject
  @ConfigProperty(name = "boxoffice.events.calendar.uid.domain", defaultValue = "boxoffice.events")
  String uidDomain;

  /**
   * The public catalog: published events starting from {@code from} (default now) and before {@code
   * to}, soonest first; {@code q} searches title, description and location.
   */
  @GET
  @PermitAll
  @Operation(summary = "Search published events, soonest first")
  public Page<EventSummary> list(
      @QueryParam("q") @Size(max = 100) String q,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("location") @Size(max = 300) String location,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    Instant start = QueryTimes.parse(from, "from", false);
    Instant end = QueryTimes.parse(to, "to", true);
    if (start != null && end != null && !end.isAfter(start)) {
      throw DomainException.invalid("to", "must be after from");
    }
    return catalog.search(q, start, end, location, page, size);
  }

  /** One event with live seat figures; a draft is visible to its organizer only. */
  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "An event with its ticket types and seats left")
  public EventView get(@PathParam("id") long id) {
    return catalog.event(id, caller.signedInUserId().orElse(null));
  }

  /** The event as an iCalendar file, for calendar apps. */
  @GET
  @Path("{id}/calendar.ics")
  @PermitAll
  @Produces(CALENDAR)
  @Operation(summary = "The event as text/calendar (RFC 5545)")
  public Response calendar(@PathParam("id") long id) {
    return Response.ok(
            catalog.calendar(id, caller.signedInUserId().orElse(null), uidDomain), CALENDAR)
        .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
        .build();
  }

  /** Creates a DRAFT event owned by the caller. */
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Create a draft event with its ticket types")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateEventRequest request,
      @Context UriInfo uri) {
    EventView created = events.create(organizer(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  /** Partial update of the caller's event. */
  @PATCH
  @Path("{id}")
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Change an event's details, capacity or ticket types")
  public EventView update(
      @PathParam("id") long id,
      @NotNull(message = "a JSON body is required") @Valid UpdateEventRequest request) {
    return events.update(id, organizer(), request);
  }

  /** Deletes a ticket type that has not sold a seat. */
  @DELETE
  @Path("{id}/ticket-types/{ticketTypeId}")
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Delete a ticket type nobody bought (close it otherwise)")
  public EventView deleteTicketType(
      @PathParam("id") long id, @PathParam("ticketTypeId") long ticketTypeId) {
    return events.deleteTicketType(id, organizer(), ticketTypeId);
  }

  /** {@code DRAFT → PUBLISHED}. */
  @POST
  @Path("{id}/publish")
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Publish a draft: it appears in the catalog and goes on sale")
  public EventView publish(@PathParam("id") long id) {
    return events.publish(id, organizer());
  }

  /** Cancels the event and every booking of it; repeating it changes nothing. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Cancel the event; every booking is cancelled and refunded")
  public EventView cancel(@PathParam("id") long id) {
    return events.cancel(id, organizer());
  }

  private long organizer() {
    return caller.userId();
  }
}
