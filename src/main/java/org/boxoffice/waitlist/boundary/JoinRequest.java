package org.boxoffice.waitlist.boundary;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * {@code POST /waitlist}: a place in the line of one ticket type of one event ({@code ticketTypeId}
 * may be left out when the event has one ticket type), for a number of seats within the tier's
 * maxPerOrder.
 */
public record JoinRequest(
    @NotNull @Positive Long eventId,
    @Positive Long ticketTypeId,
    // A BigDecimal, so that 1.5 or 2^40 are refused here rather than truncated by JSON binding.
    @NotNull
        @Min(1)
        @Max(100)
        @Digits(integer = 3, fraction = 0, message = "must be a whole number")
        BigDecimal quantity) {

  /** The quantity as a number of seats, once validated. */
  public int seats() {
    return quantity.intValueExact();
  }
}
