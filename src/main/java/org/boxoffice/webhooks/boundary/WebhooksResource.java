package org.boxoffice.webhooks.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.boundary.TokenScope;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The organizer's outgoing webhooks: endpoints, their secrets, their delivery logs and manual
 * redelivery. Deliveries follow the Standard Webhooks specification (docs/API-EXTENSIONS.md).
 */
@Path("webhooks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
public class WebhooksResource {
  @Inject Webhooks webhooks;
  @Inject Caller caller;

  /** Registers an endpoint → 201 with its secret, shown this once. */
  @POST
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_WRITE)
  @Operation(
      operationId = "registerWebhook",
      summary = "Register a webhook endpoint",
      description =
          "Event types: booking.confirmed, booking.cancelled, booking.refunded,"
              + " ticket.checked_in, event.updated, event.cancelled, waitlist.offered,"
              + " waitlist.offer_expired, waitlist.claimed, waitlist.closed. With"
              + " eventId, only that event's; without, all of the organizer's events. The URL"
              + " must be https and resolve to public addresses only (no loopback, private,"
              + " link-local or metadata address). The answer carries the signing secret"
              + " (whsec_...), never shown again.")
  @APIResponse(responseCode = "201", description = "The endpoint, with its secret")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: missing or malformed fields, an unknown event type")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "EVENT_NOT_FOUND: not one of the caller's")
  @APIResponse(
      responseCode = "409",
      description = "WEBHOOK_LIMIT_REACHED: the organizer has 20 endpoints already")
  @APIResponse(
      responseCode = "422",
      description = "WEBHOOK_URL_REFUSED: the URL may not be sent to; the reason is on url")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response register(
      @NotNull(message = "a JSON body is required") @Valid WebhookRequest request,
      @Context UriInfo uri) {
    WebhookView created = webhooks.register(caller.userId(), request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_READ)
  @Operation(operationId = "listWebhooks", summary = "The caller's webhook endpoints")
  @APIResponse(responseCode = "200", description = "The endpoints, oldest first, no secrets")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public List<WebhookView> list() {
    return webhooks.list(caller.userId());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_READ)
  @Operation(operationId = "getWebhook", summary = "One of the caller's webhook endpoints")
  @APIResponse(responseCode = "200", description = "The endpoint, without its secret")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WebhookView get(@PathParam("id") long id) {
    return webhooks.get(id, caller.userId());
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_WRITE)
  @Operation(
      operationId = "changeWebhook",
      summary = "Change, pause or re-enable a webhook endpoint",
      description =
          "enabled: true turns a disabled endpoint back on (its waiting deliveries resume),"
              + " false pauses it.")
  @APIResponse(responseCode = "200", description = "The endpoint")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "WEBHOOK_URL_REFUSED")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WebhookView change(
      @PathParam("id") long id,
      @NotNull(message = "a JSON body is required") @Valid WebhookChange change) {
    return webhooks.change(id, caller.userId(), change);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_WRITE)
  @Operation(operationId = "deleteWebhook", summary = "Remove a webhook endpoint and its log")
  @APIResponse(responseCode = "204", description = "Removed; nothing more is sent to it")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response delete(@PathParam("id") long id) {
    webhooks.remove(id, caller.userId());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/rotate-secret")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_WRITE)
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Rotate a webhook endpoint's signing secret",
      description =
          "The answer carries the new secret, shown this once. Until previousSecretExpiresAt"
              + " (BOXOFFICE_WEBHOOKS_ROTATION_GRACE_SECONDS) every delivery is signed with both"
              + " secrets: webhook-signature holds two v1 signatures.")
  @APIResponse(responseCode = "200", description = "The endpoint, with its new secret")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public WebhookView rotate(@PathParam("id") long id) {
    return webhooks.rotateSecret(id, caller.userId());
  }

  @GET
  @Path("{id}/deliveries")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_READ)
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "A webhook endpoint's delivery log, newest first")
  @APIResponse(
      responseCode = "200",
      description = "Deliveries: status, attempts, last status code, latency and error")
  @APIResponse(responseCode = "400", ref = "Invalid")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(responseCode = "404", description = "WEBHOOK_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Page<DeliveryView> deliveries(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return webhooks.deliveries(id, caller.userId(), page, size);
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @RolesAllowed({"ORGANIZER", "ADMIN"})
  @TokenScope(ApiScope.WEBHOOKS_WRITE)
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivered or dead message again",
      description =
          "A new delivery of the same message (same webhook-id, type and body), due at once.")
  @APIResponse(responseCode = "202", description = "The new delivery, PENDING")
  @APIResponse(responseCode = "401", ref = "Unauthenticated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: organizers and admins only")
  @APIResponse(
      responseCode = "404",
      description = "WEBHOOK_NOT_FOUND or WEBHOOK_DELIVERY_NOT_FOUND")
  @APIResponse(responseCode = "429", ref = "RateLimited")
  public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
    return Response.accepted(webhooks.redeliver(id, deliveryId, caller.userId())).build();
  }
}
