package org.boxoffice.events.entity;

import org.boxoffice.platform.entity.DomainException;

/** EVENT_NOT_ON_SALE, a conflict: the event or its ticket type sells no seats right now. */
public class NotOnSale extends DomainException {
  private static final long serialVersionUID = 1L;

  private NotOnSale(String message) {
    super(Kind.CONFLICT, EventErrors.EVENT_NOT_ON_SALE, message);
  }

  /** The event is not published, or has started. */
  public static NotOnSale event() {
    return new NotOnSale("This event is not on sale");
  }

  /** The ticket type is outside its sales window. */
  public static NotOnSale ticketType() {
    return new NotOnSale("This ticket type is not on sale now");
  }
}
