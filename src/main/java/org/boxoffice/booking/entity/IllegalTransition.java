package org.boxoffice.booking.entity;

import org.boxoffice.platform.entity.DomainException;

/**
 * A conflict: the booking's status does not allow the change asked for (BOOKING_NOT_CONFIRMABLE,
 * BOOKING_NOT_CANCELLABLE, BOOKING_NOT_PENDING).
 */
public class IllegalTransition extends DomainException {
  private static final long serialVersionUID = 1L;

  IllegalTransition(String code, String message) {
    super(Kind.CONFLICT, code, message);
  }
}
