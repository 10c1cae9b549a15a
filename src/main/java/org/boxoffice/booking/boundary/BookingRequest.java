package org.boxoffice.booking.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /bookings}: seats of one ticket type of one event ({@code ticketTypeId} may be left
 * out when the event has one ticket type), with an optional coupon code.
 */
public record BookingRequest(
    @NotNull @Positive Long eventId,
    @Positive Long ticketTypeId,
    @NotNull @Min(1) @Max(100) Integer quantity,
    @Size(max = 64) String couponCode) {}
