package org.boxoffice.payments.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.payments.entity.RefundStatus;

/** {@code POST /bookings/{id}/refund}: the refund and the booking's status after it. */
@JsonbPropertyOrder({"id", "bookingId", "amount", "currency", "status", "bookingStatus"})
public record RefundView(
    long id,
    long bookingId,
    BigDecimal amount,
    String currency,
    RefundStatus status,
    BookingStatus bookingStatus) {}
