package org.boxoffice.integrations.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.boxoffice.identity.boundary.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organizer's API tokens. Only a signed-in person manages them: no {@link TokenScope}, so an API
 * token can neither mint nor list nor revoke tokens.
 */
@Path("me/api-tokens")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@SecurityRequirement(name = "bearer")
public class ApiTokensResource {
  @Inject ApiTokens tokens;
  @Inject Caller caller;

  /** Makes a token; its secret is in this answer only. */
  @POST
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "createApiToken",
      summary = "Make an API token with scopes and an optional expiry; the secret is shown once")
  @APIResponse(
      responseCode = "201",
      description =
          "{id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, revokedAt, active, token};"
              + " token (starting bxo_pat_) is never shown again")
  @APIResponse(
      responseCode = "400",
      description =
          "VALIDATION_FAILED: a blank or too long name, no scopes or an unknown one, an expiry"
              + " in the past")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN: not an organizer; INSUFFICIENT_SCOPE: called with an API token")
  @APIResponse(
      responseCode = "409",
      description = "API_TOKEN_LIMIT: 50 active tokens already; revoke one first")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response create(
      @NotNull(message = "a JSON body is required") @Valid ApiTokenRequest request,
      @Context UriInfo uri) {
    ApiTokenView created = tokens.create(caller.userId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  /** The caller's tokens, newest first, without their secrets. */
  @GET
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(operationId = "listApiTokens", summary = "Your API tokens, newest first")
  @APIResponse(
      responseCode = "200",
      description =
          "[{id, name, prefix, scopes, createdAt, expiresAt, lastUsedAt, revokedAt, active}]")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN: not an organizer; INSUFFICIENT_SCOPE: called with an API token")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<ApiTokenView> list() {
    return tokens.list(caller.userId());
  }

  /** Revokes a token: every replica refuses it from the next request. */
  @DELETE
  @Path("{id}")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @Operation(
      operationId = "revokeApiToken",
      summary = "Revoke one of your API tokens; it is refused at once, on every server")
  @APIResponse(responseCode = "204", description = "Revoked (or already revoked)")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN: not an organizer; INSUFFICIENT_SCOPE: called with an API token")
  @APIResponse(responseCode = "404", description = "API_TOKEN_NOT_FOUND: not a token of yours")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response revoke(@PathParam("id") long id) {
    tokens.revoke(caller.userId(), id);
    return Response.noContent().build();
  }
}
