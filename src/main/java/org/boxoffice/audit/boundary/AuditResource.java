package org.boxoffice.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, for admins. */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "bearer")
public class AuditResource {
  @Inject AuditTrail trail;

  /** Audit entries, newest first; filter by {@code action} and/or {@code actorId}. */
  @GET
  @RolesAllowed("ADMIN")
  @Operation(operationId = "listAuditEntries", summary = "Audit entries, newest first (ADMIN)")
  @APIResponse(responseCode = "200", description = "A page of audit entries, newest first")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only admins read the audit trail")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<AuditEntryView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
      @QueryParam("action") @Pattern(regexp = "[a-z0-9_.-]{1,60}") String action,
      @QueryParam("actorId") @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a user id")
          String actorId) {
    // A String, not a Long: JAX-RS answers 404 to a query parameter it cannot convert.
    return trail.find(action, actorId == null ? null : Long.valueOf(actorId), page, size);
  }
}
