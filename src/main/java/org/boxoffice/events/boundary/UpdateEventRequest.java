package org.boxoffice.events.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /events/{id}}: every field optional, only those sent change. {@code ticketTypes}
 * changes existing tiers by id; {@code addTicketTypes} adds tiers. Deleting a tier is {@code DELETE
 * /events/{id}/ticket-types/{ticketTypeId}}.
 */
public record UpdateEventRequest(
    @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String title,
    @Size(max = 10_000) String description,
    @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String location,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    @Size(max = 64) String timeZone,
    @Min(1) @Max(1_000_000) Integer capacity,
    @Size(max = 20) @Valid List<@NotNull TicketTypeChange> ticketTypes,
    @Size(max = 20) @Valid List<@NotNull TicketTypeRequest> addTicketTypes,
    @Schema(
            enumeration = {"AUTO", "STRIPE", "ECPAY"},
            defaultValue = "AUTO",
            description = PaymentGatewayChoice.FIELD_DESCRIPTION)
        @Pattern(regexp = PaymentGatewayChoice.PATTERN, message = "must be AUTO, STRIPE or ECPAY")
        String paymentGateway) {}
