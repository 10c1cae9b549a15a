package org.boxoffice.coupons.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's coupons, managed by its organizer. */
@Path("events/{eventId}/coupons")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Coupons")
@SecurityRequirement(name = "bearer")
public class CouponsResource {
  @Inject Coupons coupons;
  @Inject Caller caller;

  /**
   * Creates a coupon → 201; 409 COUPON_CODE_TAKEN; 404 EVENT_NOT_FOUND unless the caller's event.
   */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "createCoupon", summary = "Create a coupon for one of your events")
  @APIResponse(responseCode = "201", description = "The new coupon")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: missing or out-of-range fields, a percentage outside 1-100, "
              + "or a ticket type of another event")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "COUPON_CODE_TAKEN: the event has a coupon with this code")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response create(
      @PathParam("eventId") long eventId,
      @NotNull(message = "a JSON body is required") @Valid CouponRequest request,
      @Context UriInfo uri) {
    CouponView coupon = coupons.create(eventId, caller.userId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(coupon.id())).build())
        .entity(coupon)
        .build();
  }

  /** The event's coupons with their use counts. */
  @TokenScope(ApiScope.EVENTS_READ)
  @GET
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "listCoupons", summary = "List the coupons of one of your events")
  @APIResponse(
      responseCode = "200",
      description = "A page of the event's coupons with their use counts")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND: no such event, or not one of the caller's")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<CouponView> list(
      @PathParam("eventId") long eventId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return coupons.list(eventId, caller.userId(), page, size);
  }

  /** Disables a coupon for later bookings. */
  @TokenScope(ApiScope.EVENTS_WRITE)
  @POST
  @Path("{couponId}/disable")
  @RolesAllowed("ORGANIZER")
  @Operation(operationId = "disableCoupon", summary = "Disable a coupon")
  @APIResponse(responseCode = "200", description = "The disabled coupon")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "EVENT_NOT_FOUND (not one of the caller's) or COUPON_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public CouponView disable(
      @PathParam("eventId") long eventId, @PathParam("couponId") long couponId) {
    return coupons.disable(eventId, couponId, caller.userId());
  }
}
