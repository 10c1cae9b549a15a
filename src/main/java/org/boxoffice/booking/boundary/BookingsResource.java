package org.boxoffice.booking.boundary;

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
import jakarta.ws.rs.HeaderParam;
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
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking seats, and the signed-in user's bookings. */
@Path("bookings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "bearer")
public class BookingsResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final java.util.regex.Pattern SANE_KEY =
      java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");

  @Inject Bookings bookings;
  @Inject Caller caller;

  /**
   * Books seats → 201 (PENDING with {@code expiresAt}, or CONFIRMED when free); 409 SOLD_OUT /
   * EVENT_NOT_ON_SALE, 422 COUPON_*, 503 PAYMENT_GATEWAY_UNAVAILABLE with {@code Retry-After}; with
   * an {@code Idempotency-Key} the first answer is replayed.
   */
  @POST
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      summary = "Book seats (optionally idempotent with the Idempotency-Key header)",
      description =
          "503 PAYMENT_GATEWAY_UNAVAILABLE when the payment provider can't be reached: nothing is"
              + " held, and Retry-After says in how many seconds to try again.")
  public Response book(
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @NotNull(message = "a JSON body is required") @Valid BookingRequest request,
      @Context UriInfo uri) {
    if (idempotencyKey != null && !SANE_KEY.matcher(idempotencyKey).matches()) {
      throw DomainException.invalid(IDEMPOTENCY_KEY, "must be 1 to 200 printable ASCII characters");
    }
    Bookings.Answer answer = bookings.book(caller(), request, idempotencyKey);
    Response.ResponseBuilder created =
        Response.created(
                uri.getAbsolutePathBuilder().path(String.valueOf(answer.booking().id())).build())
            .entity(answer.booking());
    return answer.replayed()
        ? created.header("Idempotent-Replayed", "true").build()
        : created.build();
  }

  /** The caller's bookings, newest first. */
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(summary = "Your bookings, newest first")
  public Page<BookingView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return bookings.list(caller(), page, size);
  }

  /** One of the caller's bookings; 404 for anyone else's. */
  @GET
  @Path("{id}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(summary = "One of your bookings")
  public BookingView get(@PathParam("id") long id) {
    return bookings.get(id, caller());
  }

  /** Cancels a booking (its booker or the event's organizer): seats and coupon use go back. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(summary = "Cancel a booking (booker or the event's organizer)")
  public BookingView cancel(@PathParam("id") long id) {
    return bookings.cancel(id, caller());
  }

  private long caller() {
    return caller.userId();
  }
}
