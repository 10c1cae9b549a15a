package org.boxoffice.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration and sign-in. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class AuthResource {
  @Inject Accounts accounts;

  @POST
  @Path("register")
  @PermitAll
  @Operation(summary = "Create an attendee or organizer account")
  public Response register(
      @NotNull(message = "a JSON body is required") @Valid RegisterRequest request,
      @Context UriInfo uri) {
    UserView user = accounts.register(request);
    return Response.created(uri.getBaseUriBuilder().path("me").build()).entity(user).build();
  }

  @POST
  @Path("login")
  @PermitAll
  @Operation(summary = "Sign in with email and password; returns an access token")
  public TokenResponse login(
      @NotNull(message = "a JSON body is required") @Valid LoginRequest request) {
    return accounts.login(request);
  }
}
