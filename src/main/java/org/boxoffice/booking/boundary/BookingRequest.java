package org.boxoffice.booking.boundary;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * {@code POST /bookings}: seats of one ticket type of one event ({@code ticketTypeId} may be left
 * out when the event has one ticket type), with an optional coupon code.
 */
public record BookingRequest(
    @NotNull @Positive Long eventId,
    @Positive Long ticketTypeId,
    // A BigDecimal, so that 1.5 or 2^40 are refused here rather than truncated by JSON binding.
    @NotNull
        @Min(1)
        @Max(100)
        @Digits(integer = 3, fraction = 0, message = "must be a whole number")
        BigDecimal quantity,
    @Size(max = 64) String couponCode) {

  /** The quantity as a number of seats, once validated. */
  public int seats() {
    return quantity.intValueExact();
  }
}
