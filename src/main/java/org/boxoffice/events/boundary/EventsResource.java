package org.boxoffice.events.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import org.boxoffice.events.control.EventsSettings;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events: the public catalog and the organizer's commands on an event. */
@Path("events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventsResource {
  static final String CALENDAR = "text/calendar; charset=utf-8";

  @Inject Events events;
  @Inject Catalog catalog;
  @Inject AvailabilityFeeds feeds;
  @Inject Caller caller;
  @Inject @ConfigProperties EventsSettings settings;

  /**
   * The public catalog: published events starting from {@code from} (default now) and before {@code
   * to}, soonest first; {@code q} searches title, description and location.
   */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @PermitAll
  @Operation(operationId = "listEvents", summary = "Search published events, soonest first")
  @SecurityRequirementsSets({})
  @APIResponse(responseCode = "200", description = "A page of published events, soonest first")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: a malformed from or to, to not after from, q or location too "
              + "long, or page or size out of range")
  @APIResponse(responseCode = "429", ref = "RateLimited")
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
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @Path("{id}")
  @PermitAll
  @Operation(operationId = "getEvent", summary = "An event with its ticket types and seats left")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "The event with its ticket types and live seat figures")
  @APIResponse(
      responseCode = "404",
      description =
          "EVENT_NOT_FOUND: no such event, or a draft and the caller is not its organizer")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public EventView get(@PathParam("id") long id) {
    return catalog.event(id, caller.signedInUserId().orElse(null));
  }

  /**
   * The event's seat figures as Server-Sent Events: {@code event: availability} with {@code
   * {eventId, status, availableSeats, ticketTypes: [{id, available}]}} at once, then whenever they
   * change (at most one look per second per event on a server).
   */
  @GET
  @Path("{id}/availability/stream")
  @PermitAll
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "streamEventAvailability",
      summary = "Live seats left of a published event, as Server-Sent Events")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description =
          "text/event-stream: 'availability' events whose data is {eventId, status,"
              + " availableSeats, ticketTypes: [{id, available}]}, the first at once, then on"
              + " each change; comments while nothing changes",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = AvailabilityFeeds.Figures.class)))
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or a draft (streams are public)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "STREAMS_FULL (with Retry-After): the server has as many streams as it keeps")
  public void availability(@PathParam("id") long id, @Context SseEventSink sink, @Context Sse sse) {
    feeds.subscribe(id, sink, sse);
  }

  /** The event as an iCalendar file, for calendar apps. */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @Path("{id}/calendar.ics")
  @PermitAll
  @Produces(CALENDAR)
  @Operation(operationId = "getEventCalendar", summary = "The event as text/calendar (RFC 5545)")
  @SecurityRequirementsSets({})
  @APIResponse(responseCode = "200", description = "The event as an iCalendar (RFC 5545) file")
  @APIResponse(
      responseCode = "404",
      description =
          "EVENT_NOT_FOUND: no such event, or a draft and the caller is not its organizer")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response calendar(@PathParam("id") long id) {
    return Response.ok(
            catalog.calendar(id, caller.signedInUserId().orElse(null), settings.calendarUidDomain),
            CALENDAR)
        .header("Content-Disposition", "attachment; filename=\"event-" + id + ".ics\"")
        .build();
  }

  /** Creates a DRAFT event owned by the caller. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "createEvent", summary = "Create a draft event with its ticket types")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "201", description = "The new DRAFT event")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: missing or out-of-range fields, an unknown currency or time "
              + "zone, endDate not after startDate, a ticket type larger than the capacity, a "
              + "paymentGateway this server cannot use for the currency (ECPAY for a currency "
              + "other than TWD or where ECPay is refused, STRIPE without Stripe configured)")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid CreateEventRequest request,
      @Context UriInfo uri) {
    EventView created = events.create(organizer(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  /** Partial update of the caller's event. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @PATCH
  @Path("{id}")
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "updateEvent",
      summary = "Change an event's details, capacity, payment gateway or ticket types")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "The changed event")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: out-of-range fields, or a paymentGateway this server cannot use for"
              + " the event's currency")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND (not one of the caller's) or TICKET_TYPE_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description =
          "EVENT_NOT_EDITABLE (cancelled or completed), CAPACITY_BELOW_SOLD (below the "
              + "seats already taken), or EDIT_CONFLICT (changed by someone else at the same "
              + "time)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public EventView update(
      @PathParam("id") long id,
      @NotNull(message = "a JSON body is required") @Valid UpdateEventRequest request) {
    return events.update(id, organizer(), request);
  }

  /** Deletes a ticket type that has not sold a seat. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @DELETE
  @Path("{id}/ticket-types/{ticketTypeId}")
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "deleteTicketType",
      summary = "Delete a ticket type nobody bought (close it otherwise)")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "The event without the ticket type")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND (not one of the caller's) or TICKET_TYPE_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description =
          "TICKET_TYPE_HAS_SALES (close it instead), EVENT_NOT_EDITABLE, or EDIT_CONFLICT")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public EventView deleteTicketType(
      @PathParam("id") long id, @PathParam("ticketTypeId") long ticketTypeId) {
    return events.deleteTicketType(id, organizer(), ticketTypeId);
  }

  /** {@code DRAFT → PUBLISHED}. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @Path("{id}/publish")
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "publishEvent",
      summary = "Publish a draft: it appears in the catalog and goes on sale")
  @SecurityRequirement(name = "bearer")
  @APIResponse(responseCode = "200", description = "The PUBLISHED event")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "INVALID_STATUS_TRANSITION: only a draft can be published")
  @APIResponse(responseCode = "422", description = "EVENT_START_PASSED or NO_TICKET_TYPES")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public EventView publish(@PathParam("id") long id) {
    return events.publish(id, organizer());
  }

  /** Cancels the event and every booking of it; repeating it changes nothing. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @Path("{id}/cancel")
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "cancelEvent",
      summary = "Cancel the event; every booking is cancelled and refunded")
  @SecurityRequirement(name = "bearer")
  @APIResponse(
      responseCode = "200",
      description = "The CANCELLED event (also when it was cancelled already)")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "INVALID_STATUS_TRANSITION: a completed event can no longer be cancelled")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public EventView cancel(@PathParam("id") long id) {
    return events.cancel(id, organizer());
  }

  private long organizer() {
    return caller.userId();
  }
}
