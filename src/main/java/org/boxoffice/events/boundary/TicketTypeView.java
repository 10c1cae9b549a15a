package org.boxoffice.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A tier as clients see it. {@code available} is what it can still sell now, bounded by the event's
 * seats left; {@code quantity} is null when the tier shares the event's capacity.
 */
@JsonbPropertyOrder({
  "id",
  "name",
  "price",
  "quantity",
  "available",
  "salesStart",
  "salesEnd",
  "maxPerOrder",
  "closed"
})
public record TicketTypeView(
    long id,
    String name,
    BigDecimal price,
    Integer quantity,
    int available,
    OffsetDateTime salesStart,
    OffsetDateTime salesEnd,
    int maxPerOrder,
    boolean closed)
    implements Serializable {

  TicketTypeView withAvailable(int live) {
    return new TicketTypeView(
        id, name, price, quantity, live, salesStart, salesEnd, maxPerOrder, closed);
  }
}
