package org.boxoffice.booking.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Page;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking seats, and the signed-in user's bookings. */
@Path("bookings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "bearer")
public class BookingsResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String WAITING_LIST = "waitingList";
  private static final java.util.regex.Pattern SANE_KEY =
      java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");

  @Inject Bookings bookings;
  @Inject Caller caller;
  @Inject Instance<SoldOutAdvice> advice;

  /**
   * Books seats → 201 (PENDING with {@code expiresAt}, or CONFIRMED when free); 409 SOLD_OUT (with
   * a {@code waitingList} detail) / EVENT_NOT_ON_SALE, 422 COUPON_*, 503
   * PAYMENT_GATEWAY_UNAVAILABLE with {@code Retry-After}; with an {@code Idempotency-Key} the first
   * answer is replayed.
   */
  @TokenScope(ApiScope.BOOKINGS_WRITE)
  @POST
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "bookSeats",
      summary = "Book seats (optionally idempotent with the Idempotency-Key header)",
      description =
          "503 PAYMENT_GATEWAY_UNAVAILABLE when the payment provider can't be reached: nothing is"
              + " held, and Retry-After says in how many seconds to try again.")
  @APIResponse(
      responseCode = "201",
      description =
          "The booking: PENDING with expiresAt and its payment, or CONFIRMED with its "
              + "tickets when free; Idempotent-Replayed: true when a first answer is replayed")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: missing or out-of-range fields, a malformed Idempotency-Key, "
              + "or no ticketTypeId for an event with several ticket types")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "404", description = "EVENT_NOT_FOUND or TICKET_TYPE_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description =
          "SOLD_OUT (details: quantity, how many seats are left; waitingList, 'open: …' or"
              + " 'closed', whether the event's waiting list takes entries), EVENT_NOT_ON_SALE,"
              + " or IDEMPOTENCY_IN_PROGRESS (the first request with this key is still running)")
  @APIResponse(
      responseCode = "422",
      description =
          "COUPON_INVALID, COUPON_EXHAUSTED, COUPON_EXPIRED, MAX_PER_ORDER_EXCEEDED, or "
              + "IDEMPOTENCY_KEY_REUSED (the key was used for another request)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description =
          "PAYMENT_GATEWAY_UNAVAILABLE: nothing is held; Retry-After says when to try again")
  public Response book(
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @NotNull(message = "a JSON body is required") @Valid BookingRequest request,
      @Context UriInfo uri) {
    if (idempotencyKey != null && !SANE_KEY.matcher(idempotencyKey).matches()) {
      throw DomainException.invalid(IDEMPOTENCY_KEY, "must be 1 to 200 printable ASCII characters");
    }
    Bookings.Answer answer;
    try {
      answer = bookings.book(caller(), request, idempotencyKey);
    } catch (DomainException refusal) {
      throw withWaitingList(refusal, request);
    }
    Response.ResponseBuilder created =
        Response.created(
                uri.getAbsolutePathBuilder().path(String.valueOf(answer.booking().id())).build())
            .entity(answer.booking());
    return answer.replayed()
        ? created.header("Idempotent-Replayed", "true").build()
        : created.build();
  }

  /** The caller's bookings, newest first. */
  @TokenScope(ApiScope.BOOKINGS_READ)
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "listBookings", summary = "Your bookings, newest first")
  @APIResponse(responseCode = "200", description = "A page of the caller's bookings, newest first")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<BookingView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return bookings.list(caller(), page, size);
  }

  /** One of the caller's bookings; 404 for anyone else's. */
  @TokenScope(ApiScope.BOOKINGS_READ)
  @GET
  @Path("{id}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getBooking", summary = "One of your bookings")
  @APIResponse(responseCode = "200", description = "The booking")
  @APIResponse(
      responseCode = "404",
      description = "BOOKING_NOT_FOUND: no such booking, or not the caller's")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public BookingView get(@PathParam("id") long id) {
    return bookings.get(id, caller());
  }

  /** Cancels a booking (its booker or the event's organizer): seats and coupon use go back. */
  @TokenScope(ApiScope.BOOKINGS_WRITE)
  @POST
  @Path("{id}/cancel")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "cancelBooking",
      summary = "Cancel a booking (booker or the event's organizer)")
  @APIResponse(
      responseCode = "200",
      description =
          "The CANCELLED booking: its seats and coupon use are back, and it is refunded "
              + "when it was paid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description =
          "BOOKING_NOT_FOUND: no such booking, or neither the caller's nor of the caller's event")
  @APIResponse(
      responseCode = "409",
      description = "BOOKING_NOT_CANCELLABLE: only a PENDING or CONFIRMED booking can be cancelled")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public BookingView cancel(@PathParam("id") long id) {
    return bookings.cancel(id, caller());
  }

  /**
   * A SOLD_OUT refusal says, in a {@code waitingList} detail after its {@code quantity} one,
   * whether the event's waiting list takes entries; any other refusal is left as it is.
   */
  private DomainException withWaitingList(DomainException refusal, BookingRequest request) {
    if (!EventErrors.SOLD_OUT.equals(refusal.code())
        || advice.isUnsatisfied()
        || refusal.details().stream().anyMatch(d -> WAITING_LIST.equals(d.field()))) {
      return refusal;
    }
    Optional<String> state = advice.get().waitingList(request.eventId(), request.ticketTypeId());
    if (state.isEmpty()) {
      return refusal;
    }
    List<FieldDetail> details = new ArrayList<>(refusal.details());
    details.add(new FieldDetail(WAITING_LIST, state.get()));
    return new DomainException(refusal.kind(), refusal.code(), refusal.getMessage(), details);
  }

  private long caller() {
    return caller.userId();
  }
}
