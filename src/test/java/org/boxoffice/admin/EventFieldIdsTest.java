package org.boxoffice.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventFieldIdsTest {

  @Test
  void event_fields_name_their_inputs_and_the_dates_their_start_and_end_inputs() {
    EventFieldIds ids = new EventFieldIds(List.of(new TierRow()), true);

    assertThat(ids.clientId("title")).isEqualTo("event:title");
    assertThat(ids.clientId("currency")).isEqualTo("event:currency");
    assertThat(ids.clientId("capacity")).isEqualTo("event:capacity");
    assertThat(ids.clientId("startDate")).isEqualTo("event:start");
    assertThat(ids.clientId("endDate")).isEqualTo("event:end");
  }

  @Test
  void a_field_no_input_shows_has_no_client_id() {
    EventFieldIds ids = new EventFieldIds(List.of(new TierRow()), true);

    assertThat(ids.clientId("organizerId")).isNull();
    assertThat(ids.clientId("ticketTypes[0].salesStart")).isNull();
  }

  @Test
  void creating_ticket_type_i_is_row_i_and_the_tier_itself_is_its_name() {
    EventFieldIds ids = new EventFieldIds(List.of(new TierRow(), new TierRow()), true);

    assertThat(ids.clientId("ticketTypes[1].price")).isEqualTo("event:tiers:1:price");
    assertThat(ids.clientId("ticketTypes[0]")).isEqualTo("event:tiers:0:name");
    assertThat(ids.clientId("ticketTypes[2].price")).isNull();
  }

  @Test
  void editing_saved_and_added_ticket_types_are_counted_apart_in_page_order() {
    List<TierRow> rows = List.of(saved(7), new TierRow(), saved(8), new TierRow());
    EventFieldIds ids = new EventFieldIds(rows, false);

    assertThat(ids.clientId("ticketTypes[0].name")).isEqualTo("event:tiers:0:name");
    assertThat(ids.clientId("ticketTypes[1].quantity")).isEqualTo("event:tiers:2:quantity");
    assertThat(ids.clientId("addTicketTypes[0].price")).isEqualTo("event:tiers:1:price");
    assertThat(ids.clientId("addTicketTypes[1].maxPerOrder"))
        .isEqualTo("event:tiers:3:maxPerOrder");
    assertThat(ids.clientId("ticketTypes[2].name")).isNull();
    assertThat(ids.clientId("addTicketTypes[2]")).isNull();
  }

  static TierRow saved(long id) {
    return TierRow.of(
        new org.boxoffice.events.boundary.TicketTypeView(
            id, "Tier " + id, java.math.BigDecimal.TEN, null, 5, null, null, 4, false));
  }
}
