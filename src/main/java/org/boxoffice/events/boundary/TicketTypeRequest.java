package org.boxoffice.events.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A ticket type in {@code POST /events}, or one added by {@code PATCH /events/{id}}. */
public record TicketTypeRequest(
    @NotBlank @Size(max = 100) String name,
    @NotNull
        @DecimalMin(value = "0", message = "must be at least 0")
        @Digits(integer = 10, fraction = 2, message = "must have at most two decimals")
        BigDecimal price,
    @Min(1) @Max(1_000_000) Integer quantity,
    OffsetDateTime salesStart,
    OffsetDateTime salesEnd,
    @Min(1) @Max(100) Integer maxPerOrder) {}
