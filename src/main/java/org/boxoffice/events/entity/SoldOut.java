package org.boxoffice.events.entity;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/** SOLD_OUT, a conflict: more seats asked for than are left, saying how many are. */
public class SoldOut extends DomainException {
  private static final long serialVersionUID = 1L;

  private SoldOut(String message, int left) {
    super(
        Kind.CONFLICT,
        EventErrors.SOLD_OUT,
        message,
        List.of(new FieldDetail("quantity", "must be at most " + left)));
  }

  /** The event has only {@code left} seats, across its tiers. */
  public static SoldOut ofEvent(int left) {
    return new SoldOut(left == 0 ? "Sold out" : "Only " + left + " seats left", left);
  }

  /** The ticket type has only {@code left} seats of its own. */
  public static SoldOut ofTicketType(int left) {
    return new SoldOut(
        left == 0
            ? "This ticket type is sold out"
            : "Only " + left + " seats of this ticket type left",
        left);
  }
}
