package org.boxoffice.booking.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import org.boxoffice.booking.entity.BookingStatus;

/** The holder of a confirmed booking. {@code checkedIn} is false until tickets exist. */
@JsonbPropertyOrder({"bookingId", "name", "email", "quantity", "status", "checkedIn"})
public record Attendee(
    long bookingId,
    String name,
    String email,
    int quantity,
    BookingStatus status,
    boolean checkedIn)
    implements Serializable {}
