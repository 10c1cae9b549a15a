package org.boxoffice.payments.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** {@code POST /bookings/{id}/refund}: the refund and the booking's status after it. */
@JsonbPropertyOrder({"id", "bookingId", "amount", "currency", "status", "bookingStatus"})
public record RefundView(
    long id,
    long bookingId,
    BigDecimal amount,
    String currency,
    String status,
    String bookingStatus) {}
