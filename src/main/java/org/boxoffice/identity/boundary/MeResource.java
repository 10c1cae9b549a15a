package org.boxoffice.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user, and their second factor. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class MeResource {
  @Inject Accounts accounts;
  @Inject TwoFactor twoFactor;
  @Inject Caller caller;

  /** The signed-in user. */
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getCurrentUser", summary = "The signed-in user")
  @APIResponse(responseCode = "200", description = "The signed-in user")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public UserView me() {
    return accounts.user(caller.userId());
  }

  /** Starts TOTP enrolment: the otpauth URI, the secret and 10 recovery codes, shown once. */
  @POST
  @Path("totp")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "enrolTotp",
      summary = "Start TOTP enrolment (returns the otpauth:// URI and recovery codes)")
  @APIResponse(
      responseCode = "200",
      description = "The otpauth:// URI, the secret and 10 recovery codes, shown only this once")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers and admins use 2FA")
  @APIResponse(responseCode = "409", description = "TOTP_ALREADY_ENABLED: turn 2FA off first")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "TOTP_UNAVAILABLE: two-factor secrets cannot be stored right now")
  public TotpEnrolment enrolTotp() {
    return twoFactor.enrol(caller.userId());
  }

  /** Turns TOTP on with a code from the authenticator app. */
  @POST
  @Path("totp/confirm")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(operationId = "confirmTotp", summary = "Confirm TOTP enrolment with a current code")
  @APIResponse(responseCode = "204", description = "2FA is on: signing in needs a code from now on")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: no code, or not the current code of the authenticator app")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers and admins use 2FA")
  @APIResponse(
      responseCode = "409",
      description = "TOTP_ALREADY_ENABLED, or TOTP_NOT_ENROLLED when enrolment never began")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response confirmTotp(
      @NotNull(message = "a JSON body is required") @Valid CodeRequest request) {
    twoFactor.confirm(caller.userId(), request.code().strip());
    return Response.noContent().build();
  }

  /** Turns TOTP off with a current code or a recovery code. */
  @POST
  @Path("totp/disable")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "disableTotp",
      summary = "Turn TOTP off (needs a current code or a recovery code)")
  @APIResponse(responseCode = "204", description = "2FA is off and the recovery codes are gone")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: no code, or neither the current code nor an unused recovery code")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only organizers and admins use 2FA")
  @APIResponse(responseCode = "409", description = "TOTP_NOT_ENABLED: 2FA is not on")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response disableTotp(
      @NotNull(message = "a JSON body is required") @Valid CodeRequest request) {
    twoFactor.disable(caller.userId(), request.code().strip());
    return Response.noContent().build();
  }
}
