package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.boxoffice.events.boundary.EventView;
import org.boxoffice.events.boundary.TicketTypeChange;
import org.boxoffice.events.boundary.TicketTypeRequest;
import org.boxoffice.events.boundary.TicketTypeView;
import org.boxoffice.events.boundary.UpdateEventRequest;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.junit.jupiter.api.Test;

class EventRequestsTest {
  static final OffsetDateTime START = OffsetDateTime.parse("2027-03-01T19:30+01:00");
  static final OffsetDateTime END = OffsetDateTime.parse("2027-03-01T22:00+01:00");

  @Test
  void creating_sends_every_row_as_a_new_ticket_type() {
    EventForm form = EventForm.blank();
    form.setTitle("Jazz night");
    form.setTimeZone("Europe/Paris");
    form.setCapacity(100);
    form.getTiers().get(0).setName("Standard");
    form.getTiers().get(0).setPrice(new BigDecimal("25.00"));
    form.getTiers().get(0).setMaxPerOrder(4);
    TierRow vip = new TierRow();
    vip.setName("VIP");
    vip.setQuantity(10);
    form.getTiers().add(vip);

    var request = EventRequests.create(form, START, END);

    assertThat(request.title()).isEqualTo("Jazz night");
    assertThat(request.startDate()).isEqualTo(START);
    assertThat(request.endDate()).isEqualTo(END);
    assertThat(request.timeZone()).isEqualTo("Europe/Paris");
    assertThat(request.capacity()).isEqualTo(100);
    assertThat(request.currency()).isEqualTo("EUR");
    assertThat(request.ticketTypes())
        .containsExactly(
            new TicketTypeRequest("Standard", new BigDecimal("25.00"), null, null, null, 4),
            new TicketTypeRequest("VIP", null, 10, null, null, null));
  }

  @Test
  void an_untouched_event_updates_no_ticket_type_field_and_not_the_capacity() {
    EventView saved = saved();
    EventForm form = EventForm.of(saved);

    UpdateEventRequest request = EventRequests.update(form, saved, START, END);

    assertThat(request.title()).isEqualTo("Jazz night");
    assertThat(request.startDate()).isEqualTo(START);
    assertThat(request.capacity()).isNull();
    assertThat(request.ticketTypes())
        .containsExactly(
            new TicketTypeChange(7L, null, null, null, null, null, null, null),
            new TicketTypeChange(8L, null, null, null, null, null, null, null));
    assertThat(request.addTicketTypes()).isNull();
  }

  @Test
  void an_update_carries_only_the_fields_that_changed() {
    EventView saved = saved();
    EventForm form = EventForm.of(saved);
    form.setCapacity(120);
    form.getTiers().get(0).setName("Standard entry");
    form.getTiers().get(1).setQuantity(20);
    form.getTiers().get(1).setMaxPerOrder(1);

    UpdateEventRequest request = EventRequests.update(form, saved, START, END);

    assertThat(request.capacity()).isEqualTo(120);
    assertThat(request.ticketTypes())
        .containsExactly(
            new TicketTypeChange(7L, "Standard entry", null, null, null, null, null, null),
            new TicketTypeChange(8L, null, null, 20, null, null, 1, null));
  }

  @Test
  void the_same_price_written_differently_is_no_change_but_a_new_price_is() {
    EventView saved = saved();
    EventForm form = EventForm.of(saved);
    form.getTiers().get(0).setPrice(new BigDecimal("25"));
    form.getTiers().get(1).setPrice(new BigDecimal("79.50"));

    UpdateEventRequest request = EventRequests.update(form, saved, START, END);

    assertThat(request.ticketTypes().get(0).price()).isNull();
    assertThat(request.ticketTypes().get(1).price()).isEqualByComparingTo("79.50");
  }

  @Test
  void rows_not_saved_yet_are_added_as_new_ticket_types() {
    EventView saved = saved();
    EventForm form = EventForm.of(saved);
    TierRow late = new TierRow();
    late.setName("Late entry");
    late.setPrice(new BigDecimal("15.00"));
    form.getTiers().add(1, late);

    UpdateEventRequest request = EventRequests.update(form, saved, START, END);

    assertThat(request.ticketTypes()).extracting(TicketTypeChange::id).containsExactly(7L, 8L);
    assertThat(request.addTicketTypes())
        .containsExactly(
            new TicketTypeRequest("Late entry", new BigDecimal("15.00"), null, null, null, null));
  }

  static EventView saved() {
    return new EventView(
        3,
        "Jazz night",
        "Live",
        "Club",
        START,
        END,
        "Europe/Paris",
        EventStatus.PUBLISHED,
        100,
        90,
        "EUR",
        PaymentGatewayChoice.AUTO,
        1,
        List.of(
            new TicketTypeView(
                7, "Standard", new BigDecimal("25.00"), null, 90, null, null, 4, false),
            new TicketTypeView(8, "VIP", new BigDecimal("80.00"), 10, 10, null, null, 2, false)),
        null,
        START.minusDays(30),
        START.minusDays(30));
  }
}
