package org.boxoffice.tickets.entity;

/** A ticket admits while {@code VALID}; its booking's cancellation or refund voids it for good. */
public enum TicketStatus {
  VALID,
  CANCELLED,
  REFUNDED
}
