package org.boxoffice.coupons.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An event's coupons, managed by its organizer. */
@Path("events/{eventId}/coupons")
@RequestScoped
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
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Create a coupon for one of your events")
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
  @GET
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "List the coupons of one of your events")
  public Page<CouponView> list(
      @PathParam("eventId") long eventId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return coupons.list(eventId, caller.userId(), page, size);
  }

  /** Disables a coupon for later bookings. */
  @POST
  @Path("{couponId}/disable")
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Disable a coupon")
  public CouponView disable(
      @PathParam("eventId") long eventId, @PathParam("couponId") long couponId) {
    return coupons.disable(eventId, couponId, caller.userId());
  }
}
