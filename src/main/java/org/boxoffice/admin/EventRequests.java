package org.boxoffice.admin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.boxoffice.events.boundary.CreateEventRequest;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.TicketTypeChange;
import org.boxoffice.events.boundary.TicketTypeRequest;
import org.boxoffice.events.boundary.TicketTypeView;
import org.boxoffice.events.boundary.UpdateEventRequest;

/**
 * Turns the event form into the events boundary's requests. An update carries only what the
 * organizer changed in capacity, payment gateway and ticket types, so an untouched tier is never
 * re-validated against what it has sold.
 */
final class EventRequests {
  private EventRequests() {}

  /** The request that creates the event the form describes. */
  static CreateEventRequest create(EventForm form, OffsetDateTime start, OffsetDateTime end) {
    return new CreateEventRequest(
        form.getTitle(),
        form.getDescription(),
        form.getLocation(),
        start,
        end,
        form.getTimeZone(),
        form.getCapacity(),
        form.getCurrency(),
        form.getTiers().stream().map(EventRequests::newTier).toList(),
        form.getPaymentGateway());
  }

  /**
   * The request that brings {@code saved} up to the form: a change per saved tier (null for each
   * field left as it was), the unsaved rows as new tiers, the capacity only when it changed.
   */
  static UpdateEventRequest update(
      EventForm form, EventView saved, OffsetDateTime start, OffsetDateTime end) {
    List<TicketTypeChange> changes = new ArrayList<>();
    List<TicketTypeRequest> added = new ArrayList<>();
    for (TierRow row : form.getTiers()) {
      if (!row.isSaved()) {
        added.add(newTier(row));
        continue;
      }
      TicketTypeView was =
          saved.ticketTypes().stream().filter(t -> t.id() == row.getId()).findFirst().orElseThrow();
      changes.add(change(row, was));
    }
    Integer capacity = form.getCapacity();
    return new UpdateEventRequest(
        form.getTitle(),
        form.getDescription(),
        form.getLocation(),
        start,
        end,
        form.getTimeZone(),
        Objects.equals(capacity, saved.capacity()) ? null : capacity,
        changes,
        added.isEmpty() ? null : added,
        Objects.equals(form.getPaymentGateway(), saved.paymentGateway().name())
            ? null
            : form.getPaymentGateway());
  }

  private static TicketTypeChange change(TierRow row, TicketTypeView was) {
    return new TicketTypeChange(
        row.getId(),
        Objects.equals(row.getName(), was.name()) ? null : row.getName(),
        row.getPrice() != null && row.getPrice().compareTo(was.price()) == 0
            ? null
            : row.getPrice(),
        Objects.equals(row.getQuantity(), was.quantity()) ? null : row.getQuantity(),
        null,
        null,
        Objects.equals(row.getMaxPerOrder(), was.maxPerOrder()) ? null : row.getMaxPerOrder(),
        null);
  }

  private static TicketTypeRequest newTier(TierRow row) {
    return new TicketTypeRequest(
        row.getName(), row.getPrice(), row.getQuantity(), null, null, row.getMaxPerOrder());
  }
}
