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
  @Operation(summary = "The signed-in user")
  public UserView me() {
    return accounts.user(caller.userId());
  }

  /** Starts TOTP enrolment: the otpauth URI, the secret and 10 recovery codes, shown once. */
  @POST
  @Path("totp")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(summary = "Start TOTP enrolment (returns the otpauth:// URI and recovery codes)")
  public TotpEnrolment enrolTotp() {
    return twoFactor.enrol(caller.userId());
  }

  /** Turns TOTP on with a code from the authenticator app. */
  @POST
  @Path("totp/confirm")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(summary = "Confirm TOTP enrolment with a current code")
  public Response confirmTotp(
      @NotNull(message = "a JSON body is required") @Valid CodeRequest request) {
    twoFactor.confirm(caller.userId(), request.code().strip());
    return Response.noContent().build();
  }

  /** Turns TOTP off with a current code or a recovery code. */
  @POST
  @Path("totp/disable")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(summary = "Turn TOTP off (needs a current code or a recovery code)")
  public Response disableTotp(
      @NotNull(message = "a JSON body is required") @Valid CodeRequest request) {
    twoFactor.disable(caller.userId(), request.code().strip());
    return Response.noContent().build();
  }
}
