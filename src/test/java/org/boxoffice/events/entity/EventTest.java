package org.boxoffice.events.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.DomainException.Kind;
import org.boxoffice.platform.entity.FieldDetail;
import org.junit.jupiter.api.Test;

class EventTest {
  private static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

  private static Event event(int capacity) {
    return new Event(
        1L,
        "Title",
        null,
        "Paris",
        NOW.plusSeconds(86_400),
        NOW.plusSeconds(90_000),
        "UTC",
        capacity,
        "EUR",
        NOW);
  }

  private static TicketType tier(Event event, Integer quantity) {
    return event.addTicketType(
        new TicketType.Terms("A", new BigDecimal("10"), quantity, null, null, null), "t");
  }

  private static String code(Runnable action) {
    try {
      action.run();
    } catch (DomainException e) {
      return e.code();
    }
    return "none";
  }

  @Test
  void reserving_never_goes_below_zero() {
    Event event = event(5);
    event.reserve(3);
    assertThat(code(() -> event.reserve(3))).isEqualTo("SOLD_OUT");
    assertThat(event.availableSeats()).isEqualTo(2);
  }

  @Test
  void booking_more_seats_than_left_is_refused_with_SOLD_OUT_saying_how_many_are_left() {
    Event event = event(5);
    event.reserve(3);
    assertThatThrownBy(() -> event.reserve(3))
        .isInstanceOfSatisfying(
            SoldOut.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
              assertThat(e.code()).isEqualTo(EventErrors.SOLD_OUT);
              assertThat(e.getMessage()).isEqualTo("Only 2 seats left");
              assertThat(e.details())
                  .containsExactly(new FieldDetail("quantity", "must be at most 2"));
            });
  }

  @Test
  void a_tier_with_no_seats_left_is_refused_as_sold_out() {
    TicketType tier = tier(event(10), 1);
    tier.reserve(1);
    assertThatThrownBy(() -> tier.reserve(1))
        .isInstanceOf(SoldOut.class)
        .hasMessage("This ticket type is sold out");
  }

  @Test
  void releasing_never_goes_above_capacity() {
    Event event = event(5);
    event.reserve(2);
    assertThat(code(() -> event.release(3))).isEqualTo("SEAT_COUNT_INVALID");
    event.release(2);
    assertThat(event.availableSeats()).isEqualTo(5);
  }

  @Test
  void a_tier_with_its_own_quantity_keeps_its_own_count() {
    Event event = event(10);
    TicketType tier = tier(event, 4);
    tier.reserve(4);
    assertThat(code(() -> tier.reserve(1))).isEqualTo("SOLD_OUT");
    assertThat(tier.available()).isZero();
    assertThat(tier.taken()).isEqualTo(4);
    tier.release(4);
    assertThat(tier.available()).isEqualTo(4);
    assertThat(code(() -> tier.release(1))).isEqualTo("SEAT_COUNT_INVALID");
  }

  @Test
  void a_shared_tier_counts_what_it_took() {
    Event event = event(10);
    TicketType tier = tier(event, null);
    tier.reserve(7);
    assertThat(tier.available()).isNull();
    assertThat(tier.taken()).isEqualTo(7);
  }

  @Test
  void capacity_never_drops_below_the_seats_taken() {
    Event event = event(10);
    event.reserve(6);
    assertThat(code(() -> event.changeCapacity(5))).isEqualTo("CAPACITY_BELOW_SOLD");
    event.changeCapacity(8);
    assertThat(event.availableSeats()).isEqualTo(2);
  }

  @Test
  void publishing_needs_a_draft_a_tier_and_a_future_start() {
    Event noTier = event(10);
    assertThat(code(() -> noTier.publish(NOW))).isEqualTo("NO_TICKET_TYPES");
    Event event = event(10);
    tier(event, null);
    assertThat(code(() -> event.publish(NOW.plusSeconds(86_400)))).isEqualTo("EVENT_START_PASSED");
    event.publish(NOW);
    assertThat(event.status(NOW)).isEqualTo(EventStatus.PUBLISHED);
    assertThat(code(() -> event.publish(NOW))).isEqualTo("INVALID_STATUS_TRANSITION");
  }

  @Test
  void a_published_event_past_its_end_is_completed_and_cannot_be_cancelled() {
    Event event = event(10);
    tier(event, null);
    event.publish(NOW);
    Instant later = NOW.plusSeconds(100_000);
    assertThat(event.status(later)).isEqualTo(EventStatus.COMPLETED);
    assertThat(code(() -> event.cancel(later))).isEqualTo("INVALID_STATUS_TRANSITION");
  }

  @Test
  void cancelling_twice_changes_nothing_the_second_time() {
    Event event = event(10);
    assertThat(event.cancel(NOW)).isTrue();
    assertThat(event.cancel(NOW)).isFalse();
    assertThat(event.status(NOW)).isEqualTo(EventStatus.CANCELLED);
  }

  @Test
  void the_end_must_follow_the_start() {
    assertThatThrownBy(() -> event(1).schedule(NOW, NOW, "UTC"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.INVALID);
              assertThat(e.details())
                  .containsExactly(new FieldDetail("endDate", "must be after startDate"));
            })
        .hasMessageContaining("invalid");
  }
}
