package org.boxoffice.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user, and their second factor. */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class MeResource {
  @Inject Accounts accounts;
  @Inject TwoFactor twoFactor;
  @Inject OidcSignIn oidc;
  @Inject ExternalIdentities identities;
  @Inject SelfService selfService;
  @Inject Caller caller;

  /** The signed-in user, with whether they have a password and their linked identities. */
  @GET
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "getCurrentUser", summary = "The signed-in user")
  @APIResponse(
      responseCode = "200",
      description =
          "The signed-in user, with emailVerified, hasPassword, locale (the language of the"
              + " account's emails: en or zh-TW) and the linked OpenID Connect identities"
              + " [{provider, email, linkedAt}]")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public CurrentUser me() {
    return accounts.current(caller.userId());
  }

  /** Changes the signed-in user's names, or starts a change of their email address. */
  @PATCH
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "updateCurrentUser",
      summary =
          "Change your names, your emails' language (locale: en or zh-TW), or your email"
              + " (confirmed by a link sent to the new address)")
  @APIResponse(
      responseCode = "200",
      description =
          "The user as GET /me shows it; a new email is in pendingEmail until its link is opened"
              + " (the link goes to the new address, a notice to the current one)")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: a blank or too long name, an invalid email, or a locale other"
              + " than en or zh-TW (on the field locale)")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: another account has this email")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public CurrentUser update(
      @NotNull(message = "a JSON body is required") @Valid ProfileChange change) {
    return selfService.change(caller.userId(), change);
  }

  /** Changes the password; the current one is required, and the other sessions end. */
  @POST
  @Path("password")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "changePassword",
      summary = "Change your password (the current one required); your other sessions end")
  @APIResponse(
      responseCode = "204",
      description = "Changed; every other session has ended, this one goes on")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: currentPassword is wrong, or newPassword breaks the password"
              + " policy (the reason in the field's message)")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "409",
      description = "PASSWORD_NOT_SET: the account has no password; set one by password reset")
  @APIResponse(
      responseCode = "429",
      description = "RATE_LIMITED, or too many wrong passwords for the account (as at sign-in)")
  public Response changePassword(
      @NotNull(message = "a JSON body is required") @Valid PasswordChange change) {
    selfService.changePassword(caller.userId(), caller.sessionId().orElse(null), change);
    return Response.noContent().build();
  }

  /** The signed-in user's active sessions. */
  @GET
  @Path("sessions")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "listSessions", summary = "Your active sessions, newest first")
  @APIResponse(
      responseCode = "200",
      description = "[{id, createdAt, expiresAt, current}]; current marks this request's session")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<SessionView> sessions() {
    return selfService.sessions(caller.userId(), caller.sessionId().orElse(null));
  }

  /** Ends one of the signed-in user's sessions (another device, say). */
  @DELETE
  @Path("sessions/{id}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "endSession",
      summary = "End one of your sessions: its refresh and access tokens stop working")
  @APIResponse(responseCode = "204", description = "Ended")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "SESSION_NOT_FOUND: not an active session of yours")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response endSession(@PathParam("id") @Size(max = 64) String id) {
    selfService.endSession(caller.userId(), id);
    return Response.noContent().build();
  }

  /** The identities at OpenID Connect providers linked to the signed-in account. */
  @GET
  @Path("identities")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "listIdentities", summary = "The linked OpenID Connect identities")
  @APIResponse(responseCode = "200", description = "[{provider, email, linkedAt}], oldest first")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<IdentityView> identities() {
    return identities.identities(caller.userId());
  }

  /** Links the identity a provider's ID token proves to the signed-in account. */
  @POST
  @Path("identities/{provider}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "linkIdentity",
      summary = "Link a provider's identity (its ID token) to the signed-in account")
  @APIResponse(
      responseCode = "201",
      description = "The linked identity {provider, email, linkedAt}")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: no idToken, a malformed one, or fields too long")
  @APIResponse(
      responseCode = "401",
      description =
          "UNAUTHENTICATED, OIDC_TOKEN_INVALID (the ID token failed a check) or"
              + " OIDC_TOKEN_REPLAYED (it signed in or linked already)")
  @APIResponse(
      responseCode = "404",
      description = "OIDC_PROVIDER_UNKNOWN: no provider of this name is configured")
  @APIResponse(
      responseCode = "409",
      description =
          "OIDC_IDENTITY_TAKEN (another account has it) or OIDC_ALREADY_LINKED (this account has"
              + " an identity at this provider)")
  @APIResponse(
      responseCode = "422",
      description = "OIDC_EMAIL_DOMAIN_REFUSED: not an allowed domain of this provider")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "OIDC_PROVIDER_UNAVAILABLE (with Retry-After): the provider cannot be reached")
  public Response linkIdentity(
      @PathParam("provider") String provider,
      @NotNull(message = "a JSON body is required") @Valid OidcTokenRequest request) {
    IdentityView linked = oidc.link(caller.userId(), provider, request.idToken(), request.nonce());
    return Response.status(Response.Status.CREATED).entity(linked).build();
  }

  /** Unlinks the account's identity at this provider, unless it is the last way to sign in. */
  @DELETE
  @Path("identities/{provider}")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @Operation(operationId = "unlinkIdentity", summary = "Unlink the identity at this provider")
  @APIResponse(responseCode = "204", description = "Unlinked")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "404",
      description = "OIDC_IDENTITY_NOT_LINKED: no identity at this provider on this account")
  @APIResponse(
      responseCode = "409",
      description =
          "LAST_SIGN_IN_METHOD: the account has no password and no other identity; set a"
              + " password (password reset) or link another provider first")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response unlinkIdentity(@PathParam("provider") String provider) {
    identities.unlink(caller.userId(), provider);
    return Response.noContent().build();
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
