package org.boxoffice.events.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /events}. The description is plain text, stored as given: the API never renders it as
 * HTML, and clients must escape it. Rules across fields (end after start, a known time zone and
 * currency, tier quantity within capacity, a payment gateway this server can use for the currency)
 * are checked by {@link Events}. {@code paymentGateway} is optional: absent means {@code AUTO}.
 */
public record CreateEventRequest(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 10_000) String description,
    @NotBlank @Size(max = 300) String location,
    @NotNull OffsetDateTime startDate,
    @NotNull OffsetDateTime endDate,
    @Size(max = 64) String timeZone,
    @NotNull @Min(1) @Max(1_000_000) Integer capacity,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR")
        String currency,
    @NotEmpty(message = "must have at least one ticket type") @Size(max = 20) @Valid
        List<@NotNull TicketTypeRequest> ticketTypes,
    @Schema(
            enumeration = {"AUTO", "STRIPE", "ECPAY"},
            defaultValue = "AUTO",
            description = PaymentGatewayChoice.FIELD_DESCRIPTION)
        @Pattern(regexp = PaymentGatewayChoice.PATTERN, message = "must be AUTO, STRIPE or ECPAY")
        String paymentGateway) {}
