package org.boxoffice.events.entity;

import java.util.List;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/** MAX_PER_ORDER_EXCEEDED: one order asks for more tickets of a type than it allows. */
public class OrderLimitExceeded extends DomainException {
  private static final long serialVersionUID = 1L;

  public OrderLimitExceeded(int maxPerOrder) {
    super(
        Kind.REFUSED,
        EventErrors.MAX_PER_ORDER_EXCEEDED,
        "At most " + maxPerOrder + " tickets per order",
        List.of(new FieldDetail("quantity", "must be at most " + maxPerOrder)));
  }
}
