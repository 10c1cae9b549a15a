package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The holder of a confirmed booking. {@code checkedIn} is false until tickets exist. */
@JsonbPropertyOrder({"bookingId", "name", "email", "quantity", "status", "checkedIn"})
public record Attendee(
    long bookingId, String name, String email, int quantity, String status, boolean checkedIn) {}
