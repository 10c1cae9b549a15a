package org.boxoffice.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import org.boxoffice.identity.control.IdentitySettings;
import org.boxoffice.platform.boundary.PerIpLimit;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.Languages;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration, sign-in, refresh, sign-out, email verification and password reset. */
@Path("auth")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {
  static final String REFRESH_COOKIE = "refresh_token";
  private static final String COOKIE_PATH = "/api/v1/auth";

  @Inject Accounts accounts;
  @Inject SignIn signIn;
  @Inject OidcSignIn oidc;
  @Inject AccountRecovery recovery;
  @Inject @ConfigProperties IdentitySettings settings;
  @Inject Caller caller;

  /** Creates an attendee or organizer account (never an admin) and sends a verification link. */
  @POST
  @Path("register")
  @PermitAll
  @PerIpLimit("register")
  @Operation(operationId = "register", summary = "Create an attendee or organizer account")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "201",
      description =
          "The new account {id, email, firstName, lastName, role}; a verification link is emailed."
              + " The account's emails are in the language Accept-Language asks for first among"
              + " en and zh-TW (zh-HK, zh-MO, zh-Hant and plain zh count as zh-TW), English"
              + " otherwise; PATCH /me changes it")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: missing or malformed fields, or a weak password (under 10 "
              + "characters or a common one)")
  @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: an account with this email exists")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response register(
      @NotNull(message = "a JSON body is required") @Valid RegisterRequest request,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    UserView user =
        accounts.register(
            request, Languages.choose(headers.getAcceptableLanguages().iterator()).toLanguageTag());
    return Response.created(uri.getBaseUriBuilder().path("me").build()).entity(user).build();
  }

  /** Signs in; the refresh token comes in the body and as an HttpOnly cookie. */
  @POST
  @Path("login")
  @PermitAll
  @PerIpLimit("login")
  @Operation(
      operationId = "login",
      summary = "Sign in with email, password (and totpCode); returns access and refresh tokens")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description =
          "Access and refresh tokens and the user; the refresh token also as an HttpOnly cookie")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(
      responseCode = "401",
      description =
          "INVALID_CREDENTIALS (the same for an unknown email and a wrong password or "
              + "code), or TOTP_REQUIRED when the account uses 2FA and no totpCode was sent")
  @APIResponse(
      responseCode = "429",
      description =
          "RATE_LIMITED: 5 failed sign-ins a minute for this email, or too many requests "
              + "from this address")
  @APIResponse(
      responseCode = "503",
      description = "AUTH_UNAVAILABLE or TOTP_UNAVAILABLE: signing in is not possible right now")
  public Response login(@NotNull(message = "a JSON body is required") @Valid LoginRequest request) {
    return withRefreshCookie(signIn.login(request));
  }

  /** The OpenID Connect providers this server lets people sign in with. */
  @GET
  @Path("oidc")
  @PermitAll
  @Operation(
      operationId = "listOidcProviders",
      summary = "The OpenID Connect providers one can sign in with")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "The configured providers {name, label}, in the configured order")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<OidcSignIn.ProviderView> oidcProviders() {
    return oidc.providers();
  }

  /**
   * Signs in with an ID token the client got from the provider (its own authorization-code flow);
   * the same answer as {@code /auth/login}.
   */
  @POST
  @Path("oidc/{provider}")
  @PermitAll
  @PerIpLimit("login")
  @Operation(
      operationId = "loginWithOidc",
      summary =
          "Exchange a provider's ID token (and nonce, totpCode) for access and refresh tokens")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description =
          "Access and refresh tokens and the user, as /auth/login; a first sign-in creates the"
              + " account or links the account of the same verified email")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: no idToken, a malformed one, or fields too long")
  @APIResponse(
      responseCode = "401",
      description =
          "OIDC_TOKEN_INVALID: not signed by the provider's keys, another issuer or audience,"
              + " expired, or the nonce differs; OIDC_TOKEN_REPLAYED: this ID token signed in"
              + " already (each signs in once); TOTP_REQUIRED or INVALID_CREDENTIALS for an"
              + " account with 2FA")
  @APIResponse(
      responseCode = "404",
      description = "OIDC_PROVIDER_UNKNOWN: no provider of this name is configured")
  @APIResponse(
      responseCode = "409",
      description =
          "OIDC_LINK_REQUIRED: an account with this email exists and the email is not verified on"
              + " both sides; sign in with the password and link from /me/identities")
  @APIResponse(
      responseCode = "422",
      description =
          "OIDC_EMAIL_REQUIRED (the provider shared no email) or OIDC_EMAIL_DOMAIN_REFUSED (not"
              + " an allowed domain)")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description =
          "OIDC_PROVIDER_UNAVAILABLE (with Retry-After): the provider cannot be reached or its"
              + " circuit is open; AUTH_UNAVAILABLE: tokens cannot be issued")
  public Response loginWithOidc(
      @PathParam("provider") String provider,
      @NotNull(message = "a JSON body is required") @Valid OidcTokenRequest request) {
    return withRefreshCookie(
        oidc.exchange(provider, request.idToken(), request.nonce(), request.totpCode()));
  }

  /** Rotates the refresh token (from the cookie or the body); a spent one revokes its session. */
  @POST
  @Path("refresh")
  @PermitAll
  @PerIpLimit("refresh")
  @Operation(
      operationId = "refreshTokens",
      summary = "Exchange a refresh token (cookie or body) for new tokens")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "200",
      description = "New access and refresh tokens; the presented refresh token is dead")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: no refresh token in the body or the refresh_token cookie")
  @APIResponse(
      responseCode = "401",
      description =
          "INVALID_REFRESH_TOKEN or SESSION_ENDED; REFRESH_TOKEN_REUSED when a spent token "
              + "is presented, which revokes its whole session")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  @APIResponse(
      responseCode = "503",
      description = "AUTH_UNAVAILABLE: tokens cannot be issued right now")
  public Response refresh(
      @Valid RefreshRequest request, @CookieParam(REFRESH_COOKIE) String cookieToken) {
    String token =
        request != null && request.refreshToken() != null && !request.refreshToken().isBlank()
            ? request.refreshToken()
            : cookieToken;
    if (token == null || token.isBlank()) {
      throw DomainException.invalid(
          "refreshToken", "is required (in the body or the refresh_token cookie)");
    }
    return withRefreshCookie(signIn.refresh(token.strip()));
  }

  /**
   * The same for a request with no JSON body, as a browser sends it when only the cookie carries
   * the token (no Content-Type, so the JSON method above does not match).
   */
  @POST
  @Path("refresh")
  @PermitAll
  @PerIpLimit("refresh")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Response refreshFromCookie(@CookieParam(REFRESH_COOKIE) String cookieToken) {
    return refresh(null, cookieToken);
  }

  /** Ends the caller's session. */
  @POST
  @Path("logout")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @SecurityRequirement(name = "bearer")
  @Operation(operationId = "logout", summary = "Sign out of this session")
  @APIResponse(
      responseCode = "204",
      description = "Signed out: this session's refresh token is dead and its cookie cleared")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response logout() {
    signIn.logout(caller.userId(), caller.sessionId().orElseThrow());
    return Response.noContent().cookie(expiredRefreshCookie()).build();
  }

  /** Ends every session of the caller, on every device. */
  @POST
  @Path("logout-all")
  @RolesAllowed({"ATTENDEE", "ORGANIZER", "ADMIN"})
  @SecurityRequirement(name = "bearer")
  @Operation(operationId = "logoutAll", summary = "Sign out of every session")
  @APIResponse(
      responseCode = "204",
      description = "Signed out of every session of the caller, on every device")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response logoutAll() {
    signIn.logoutAll(caller.userId());
    return Response.noContent().cookie(expiredRefreshCookie()).build();
  }

  /** Confirms the email address with the token sent at registration. */
  @POST
  @Path("verify-email")
  @PermitAll
  @PerIpLimit("verify-email")
  @Operation(
      operationId = "verifyEmail",
      summary = "Verify the email address with the emailed token")
  @SecurityRequirementsSets({})
  @APIResponse(responseCode = "204", description = "The email address is verified")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: no token, or one that is unknown, already used or expired")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response verifyEmail(
      @NotNull(message = "a JSON body is required") @Valid TokenRequest request) {
    recovery.verifyEmail(request.token().strip());
    return Response.noContent().build();
  }

  /** Sends a reset link when the email has an account; 202 either way (no enumeration). */
  @POST
  @Path("password-reset")
  @PermitAll
  @PerIpLimit("password-reset")
  @Operation(
      operationId = "requestPasswordReset",
      summary = "Request a password reset email (always 202)")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "202",
      description =
          "Accepted, whether or not the email has an account; a reset link is emailed when it has")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response requestPasswordReset(
      @NotNull(message = "a JSON body is required") @Valid PasswordResetRequest request) {
    recovery.requestPasswordReset(request.email());
    return Response.accepted().build();
  }

  /** Sets a new password with the emailed token; every session of the account ends. */
  @POST
  @Path("password-reset/confirm")
  @PermitAll
  @PerIpLimit("password-reset")
  @Operation(
      operationId = "confirmPasswordReset",
      summary = "Set a new password with the emailed token")
  @SecurityRequirementsSets({})
  @APIResponse(
      responseCode = "204",
      description = "The password is changed and every session of the account has ended")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: a weak new password, or a token that is unknown, already used "
              + "or expired")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response confirmPasswordReset(
      @NotNull(message = "a JSON body is required") @Valid PasswordResetConfirmation request) {
    recovery.confirmPasswordReset(request.token().strip(), request.newPassword());
    return Response.noContent().build();
  }

  /** The refresh cookie lives as long as the session it refreshes. */
  private Response withRefreshCookie(TokenResponse tokens) {
    return Response.ok(tokens)
        .cookie(refreshCookie(tokens.refreshToken(), Duration.ofDays(settings.sessionLifetimeDays)))
        .build();
  }

  private static NewCookie expiredRefreshCookie() {
    return refreshCookie("", Duration.ZERO);
  }

  private static NewCookie refreshCookie(String value, Duration maxAge) {
    return new NewCookie.Builder(REFRESH_COOKIE)
        .value(value)
        .path(COOKIE_PATH)
        .maxAge((int) maxAge.toSeconds())
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
