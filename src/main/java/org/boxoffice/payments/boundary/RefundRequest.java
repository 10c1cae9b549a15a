package org.boxoffice.payments.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * {@code POST /bookings/{id}/refund}: an amount for a partial refund, none for all that is left.
 */
public record RefundRequest(
    @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 10, fraction = 2, message = "must have at most two decimal places")
        BigDecimal amount) {}
