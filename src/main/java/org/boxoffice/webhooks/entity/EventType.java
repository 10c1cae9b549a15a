package org.boxoffice.webhooks.entity;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint can hear about; {@link #wire()} is the {@code type} of the payload. */
public enum EventType {
  BOOKING_CONFIRMED("booking.confirmed"),
  BOOKING_CANCELLED("booking.cancelled"),
  BOOKING_REFUNDED("booking.refunded"),
  TICKET_CHECKED_IN("ticket.checked_in"),
  EVENT_UPDATED("event.updated"),
  EVENT_CANCELLED("event.cancelled"),
  WAITLIST_OFFERED("waitlist.offered"),
  WAITLIST_OFFER_EXPIRED("waitlist.offer_expired"),
  WAITLIST_CLAIMED("waitlist.claimed"),
  WAITLIST_CLOSED("waitlist.closed");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<EventType> of(String wire) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
  }
}
