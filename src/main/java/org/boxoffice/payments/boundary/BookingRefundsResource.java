package org.boxoffice.payments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Refunds by the event's organizer. Its own root path, so booking's {@code /bookings} resource
 * keeps every other path under it.
 */
@Path("bookings/{id}/refund")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "bearer")
public class BookingRefundsResource {
  @Inject Payments payments;
  @Inject Caller caller;

  /**
   * Refunds {@code amount} (all that is left when absent): 200 with the refund; 404 unless the
   * caller organizes the booking's event; 409 NOT_REFUNDABLE; 422 REFUND_TOO_LARGE.
   */
  @TokenScope(ApiScope.BOOKINGS_WRITE)
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(
      operationId = "refundBooking",
      summary = "Refund a booking in full or in part (the event's organizer)")
  @APIResponse(responseCode = "200", description = "The refund")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers")
  @APIResponse(
      responseCode = "404",
      description = "BOOKING_NOT_FOUND: no such booking, or not of the caller's event")
  @APIResponse(
      responseCode = "409",
      description = "NOT_REFUNDABLE: not CONFIRMED, not paid, or refunded in full already")
  @APIResponse(responseCode = "422", description = "REFUND_TOO_LARGE: more than is left to refund")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public RefundView refund(@PathParam("id") long id, @Valid RefundRequest request) {
    return payments.refund(id, caller.userId(), request == null ? null : request.amount());
  }
}
