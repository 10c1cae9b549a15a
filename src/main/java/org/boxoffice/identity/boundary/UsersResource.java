package org.boxoffice.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.identity.entity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User administration, for admins. */
@Path("users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
public class UsersResource {
  @Inject Accounts accounts;

  /** Gives a user another role; the user's sessions end so the change applies at once. */
  @PUT
  @Path("{id}/role")
  @RolesAllowed("ADMIN")
  @Operation(operationId = "changeUserRole", summary = "Change a user's role (ADMIN)")
  @APIResponse(
      responseCode = "200",
      description = "The user with the new role; the user's sessions have ended")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only admins change roles")
  @APIResponse(responseCode = "404", description = "USER_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public UserView changeRole(
      @PathParam("id") @Positive long id,
      @NotNull(message = "a JSON body is required") @Valid RoleChange request) {
    return accounts.changeRole(id, Role.valueOf(request.role()));
  }
}
