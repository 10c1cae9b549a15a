package org.boxoffice.coupons.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /events/{id}/coupons}. A PERCENT value is 1 to 100; a FIXED value is an amount in the
 * event's currency. No ticketTypeIds means every ticket type of the event.
 */
public record CouponRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain only letters, digits, _ and -")
        String code,
    @NotNull @Pattern(regexp = "PERCENT|FIXED", message = "must be PERCENT or FIXED")
        String discountType,
    @NotNull
        @DecimalMin(value = "0.01", message = "must be greater than 0")
        @Digits(integer = 10, fraction = 2)
        BigDecimal discountValue,
    @Positive @Max(10_000_000) Integer maxUsages,
    OffsetDateTime expiresAt,
    @Size(max = 50) List<@NotNull @Positive Long> ticketTypeIds) {}
