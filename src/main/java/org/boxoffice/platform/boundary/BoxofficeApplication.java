package org.boxoffice.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST API: every resource lives under {@code /api/v1}. Its OpenAPI definition names the tags
 * the resources use and the refusals most operations share (referenced as {@code ref =
 * "Unauthenticated"} and so on), so each resource lists only its own.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Boxoffice API",
            version = "1.0",
            description =
                "Event management and ticketing. Every response is an envelope "
                    + "{success, data | error, correlationId, timestamp}."),
    tags = {
      @Tag(
          name = "Auth",
          description =
              "Accounts, sign-in with access and refresh tokens, sign-out, email verification,"
                  + " password reset and two-factor (TOTP) enrolment"),
      @Tag(name = "Users", description = "User administration, for admins"),
      @Tag(
          name = "Events",
          description =
              "The public catalog, and organizers' events: drafts, publishing, cancelling, stats"
                  + " and attendees"),
      @Tag(
          name = "Event images",
          description =
              "An event's image: its organizer uploads or deletes it; anyone fetches its renditions"),
      @Tag(name = "Coupons", description = "Discount codes of an event, kept by its organizer"),
      @Tag(
          name = "Waiting list",
          description =
              "Lining up for sold-out seats; freed seats are offered in order, as holds to claim"),
      @Tag(
          name = "Bookings",
          description = "Booking seats, the caller's bookings, their tickets and refunds"),
      @Tag(
          name = "Payments",
          description = "Stripe's webhook, and the sandbox's stand-in for a customer paying"),
      @Tag(
          name = "Tickets",
          description = "A ticket's QR code and printable PDF, and check-in at the door"),
      @Tag(
          name = "API tokens",
          description =
              "Organizers' scoped, revocable tokens for their other tools (Authorization: Bearer"
                  + " bxo_pat_…)"),
      @Tag(name = "Privacy", description = "Your personal data: export it, or erase your account"),
      @Tag(name = "Audit", description = "The audit trail of sensitive operations, for admins"),
      @Tag(
          name = "Webhooks",
          description =
              "Outgoing webhooks: an organizer's endpoints, signed deliveries (Standard Webhooks),"
                  + " the delivery log and redelivery")
    },
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = "Invalid",
                  description =
                      "VALIDATION_FAILED: malformed JSON, wrong types, or missing or out-of-range"
                          + " fields; error.details names each field"),
              @APIResponse(
                  name = "Unauthenticated",
                  description = "UNAUTHENTICATED: no bearer token, or one that is not valid"),
              @APIResponse(
                  name = "RateLimited",
                  description = "RATE_LIMITED: too many requests from this caller or address",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again",
                          schema = @Schema(type = SchemaType.INTEGER)))
            }))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class BoxofficeApplication extends Application {}
