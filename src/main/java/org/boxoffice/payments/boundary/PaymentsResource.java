package org.boxoffice.payments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.boxoffice.booking.boundary.BookingView;
import org.boxoffice.identity.boundary.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stripe's webhook, and the sandbox's stand-in for a customer paying. */
@Path("payments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Payments")
public class PaymentsResource {
  @Inject Payments payments;
  @Inject Caller caller;

  /**
   * Stripe's events, signed ({@code Stripe-Signature}); the raw body is what is signed, so it is
   * read as text. 400 INVALID_SIGNATURE for a bad or stale signature; a repeated event is 200.
   */
  @POST
  @Path("stripe/webhook")
  @PermitAll
  @Operation(operationId = "handleStripeWebhook", summary = "Stripe webhook (signed by Stripe)")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "The event was received (also when it arrives again: each takes effect once)")
  @APIResponse(
      responseCode = "400",
      description = "INVALID_SIGNATURE: the Stripe-Signature is missing, wrong or stale")
  public Map<String, Boolean> webhook(
      @HeaderParam("Stripe-Signature") String signature, InputStream body) throws IOException {
    // The exact bytes Stripe signed: read raw, never through a JSON binding.
    payments.webhook(new String(body.readAllBytes(), StandardCharsets.UTF_8), signature);
    return Map.of("received", true);
  }

  /** Sandbox mode only: the booker pays their booking's intent; 404 when Stripe is configured. */
  @POST
  @Path("sandbox/{paymentIntentId}/confirm")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @SecurityRequirement(name = "bearer")
  @Operation(
      operationId = "confirmSandboxPayment",
      summary = "Sandbox: pay a booking's payment intent (sandbox mode only)")
  @APIResponse(responseCode = "200", description = "The booking, CONFIRMED with its tickets")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a payment intent id")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description =
          "PAYMENT_NOT_FOUND: no such sandbox payment of the caller's, or the app runs with Stripe")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public BookingView confirmSandbox(
      @PathParam("paymentIntentId")
          @Pattern(regexp = "[A-Za-z0-9_-]{1,255}", message = "is not a payment intent id")
          String paymentIntentId) {
    return payments.confirmSandbox(paymentIntentId, caller.userId());
  }
}
