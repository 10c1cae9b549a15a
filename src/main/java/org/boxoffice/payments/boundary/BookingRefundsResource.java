package org.boxoffice.payments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.identity.boundary.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Refunds by the event's organizer. Its own root path, so booking's {@code /bookings} resource
 * keeps every other path under it.
 */
@Path("bookings/{id}/refund")
@RequestScoped
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
  @POST
  @RolesAllowed("ORGANIZER")
  @Operation(summary = "Refund a booking in full or in part (the event's organizer)")
  public RefundView refund(@PathParam("id") long id, @Valid RefundRequest request) {
    return payments.refund(id, caller.userId(), request == null ? null : request.amount());
  }
}
