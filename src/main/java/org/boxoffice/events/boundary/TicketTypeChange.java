package org.boxoffice.events.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A change to an existing ticket type in {@code PATCH /events/{id}}: only the fields sent change.
 * {@code quantity} may not drop below the seats already taken.
 */
public record TicketTypeChange(
    @NotNull Long id,
    @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,
    @DecimalMin(value = "0", message = "must be at least 0")
        @Digits(integer = 10, fraction = 2, message = "must have at most two decimals")
        BigDecimal price,
    @Min(1) @Max(1_000_000) Integer quantity,
    OffsetDateTime salesStart,
    OffsetDateTime salesEnd,
    @Min(1) @Max(100) Integer maxPerOrder,
    Boolean closed) {}
