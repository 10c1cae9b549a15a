package org.boxoffice.events.entity;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/** CAPACITY_BELOW_SOLD, a conflict: seats cannot shrink below those already taken. */
public class CapacityBelowSold extends DomainException {
  private static final long serialVersionUID = 1L;

  private CapacityBelowSold(String message, String field, int taken) {
    super(
        Kind.CONFLICT,
        EventErrors.CAPACITY_BELOW_SOLD,
        message,
        List.of(new FieldDetail(field, "must be at least " + taken)));
  }

  /** The event's capacity, {@code taken} seats of it already held or sold. */
  public static CapacityBelowSold event(int taken) {
    return new CapacityBelowSold(
        taken + " seats are already taken; the capacity cannot go below that", "capacity", taken);
  }

  /**
   * A ticket type's own quantity (its form field {@code field}), {@code taken} seats of it gone.
   */
  public static CapacityBelowSold ticketType(int taken, String field) {
    return new CapacityBelowSold(
        taken + " seats of this ticket type are already taken", field, taken);
  }
}
