package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingStatus;

/**
 * A booking as its booker sees it. {@code payment} is what the client needs to pay a PENDING
 * booking ({@link Checkout}), null otherwise; {@code expiresAt} is null once the booking no longer
 * holds seats on a timer.
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
    BookingStatus status,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal totalAmount,
    BigDecimal discountAmount,
    BigDecimal finalAmount,
    String currency,
    String couponCode,
    OffsetDateTime expiresAt,
    OffsetDateTime createdAt,
    // Object, not Checkout.PaymentDetails: with a record type Yasson leaves a null payment out,
    // and a booking with nothing to pay answers "payment": null.
    Object payment)
    implements Serializable {

  static BookingView of(Booking b) {
    return new BookingView(
        b.id(),
        b.eventId(),
        b.ticketTypeId(),
        b.status(),
        b.quantity(),
        b.unitPrice(),
        b.totalAmount(),
        b.discountAmount(),
        b.finalAmount(),
        b.currency(),
        b.couponCode(),
        utc(b.status() == BookingStatus.PENDING ? b.expiresAt() : null),
        utc(b.createdAt()),
        null);
  }

  /** The same booking with what the client needs to pay it. */
  public BookingView withPayment(Checkout.PaymentDetails paymentDetails) {
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
