package org.boxoffice.privacy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.boxoffice.identity.boundary.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in person's data: its export, and the erasure of the account. Neither has a token
 * scope: an API token can do neither.
 */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
@SecurityRequirement(name = "bearer")
public class PrivacyResource {
  @Inject PersonalDataExports exports;
  @Inject Erasures erasures;
  @Inject Caller caller;

  /** Everything held about the caller, as JSON offered as a file download. */
  @GET
  @Path("export")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "exportPersonalData",
      summary = "Everything Boxoffice holds about you, as a JSON download")
  @APIResponse(
      responseCode = "200",
      description =
          "{exportedAt, userId, tables: {users, sessions, refresh_tokens, one_time_tokens,"
              + " totp_recovery_codes, external_identities, api_tokens, bookings,"
              + " idempotency_keys, payments, refunds, tickets, waitlist_entries, outbox,"
              + " audit_log, events, event_images}}: each table's rows about you, without"
              + " password, token or code hashes and without payment secrets;"
              + " Content-Disposition: attachment")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE: called with an API token")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response export() {
    long userId = caller.userId();
    JsonObject export = exports.export(userId);
    return Response.ok(export)
        .header(
            "Content-Disposition",
            "attachment; filename=\"boxoffice-personal-data-" + userId + ".json\"")
        .build();
  }

  /** Erases the caller's account, once they proved who they are again. */
  @DELETE
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "eraseAccount",
      summary =
          "Erase your account: names and email gone, sessions and API tokens ended; bookings"
              + " and payments keep their amounts, without you")
  @APIResponse(responseCode = "204", description = "Erased; this token stops working at once")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: password (or totpCode) missing or wrong; a JSON body is required")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE: called with an API token")
  @APIResponse(
      responseCode = "409",
      description =
          "ORGANIZER_HAS_FUTURE_EVENTS: you organize events that have not ended;"
              + " UPCOMING_BOOKINGS: you have pending bookings or bookings for events that have"
              + " not ended (cancel them first)")
  @APIResponse(
      responseCode = "429",
      description = "RATE_LIMITED, or too many wrong passwords for the account (as at sign-in)")
  public Response erase(
      @NotNull(message = "a JSON body is required") @Valid ErasureRequest request) {
    erasures.erase(caller.userId(), request);
    return Response.noContent().build();
  }
}
