package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.booking.entity.Booking;

/**
 * A booking as its booker sees it. {@code payment} is null until the payments feature exists;
 * {@code expiresAt} is null once the booking no longer holds seats on a timer.
 */
@JsonbNillable
@JsonbPropertyOrder({
  "id",
  "eventId",
  "ticketTypeId",
  "status",
  "quantity",
  "unitPrice",
  "totalAmount",
  "discountAmount",
  "finalAmount",
  "currency",
  "couponCode",
  "expiresAt",
  "createdAt",
  "payment"
})
public record BookingView(
    long id,
    long eventId,
    long ticketTypeId,
    String status,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal totalAmount,
    BigDecimal discountAmount,
    BigDecimal finalAmount,
    String currency,
    String couponCode,
    OffsetDateTime expiresAt,
    OffsetDateTime createdAt,
    Object payment) {

  static BookingView of(Booking b) {
    return new BookingView(
        b.id(),
        b.eventId(),
        b.ticketTypeId(),
        b.status().name(),
        b.quantity(),
        b.unitPrice(),
        b.totalAmount(),
        b.discountAmount(),
        b.finalAmount(),
        b.currency(),
        b.couponCode(),
        utc(b.status().name().equals("PENDING") ? b.expiresAt() : null),
        utc(b.createdAt()),
        null);
  }

  /** The same booking with what the client needs to pay it. */
  public BookingView withPayment(Object paymentDetails) {
    return new BookingView(
        id,
        eventId,
        ticketTypeId,
        status,
        quantity,
        unitPrice,
        totalAmount,
        discountAmount,
        finalAmount,
        currency,
        couponCode,
        expiresAt,
        createdAt,
        paymentDetails);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
