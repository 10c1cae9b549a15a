package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.boxoffice.booking.entity.Booking;
import org.boxoffice.booking.entity.BookingStatus;
import org.boxoffice.booking.entity.IllegalTransition;
import org.boxoffice.platform.entity.DomainException.Kind;
import org.junit.jupiter.api.Test;

class BookingTest {
  private static final Instant NOW = Instant.parse("2027-01-09T10:00:00Z");
  private static final Instant HOLD = NOW.plus(Duration.ofMinutes(15));

  private static Booking booking(String finalAmount) {
    BigDecimal amount = new BigDecimal(finalAmount);
    return Booking.place(
        new Booking.Terms(
            1, 2, 3, 4, 2, amount, amount, BigDecimal.ZERO, amount, "EUR", null, null),
        NOW,
        HOLD);
  }

  @Test
  void a_paid_booking_starts_as_a_hold_until_its_expiry() {
    Booking b = booking("20.00");
    assertThat(b.status()).isEqualTo(BookingStatus.PENDING);
    assertThat(b.expiresAt()).isEqualTo(HOLD);
  }

  @Test
  void a_free_booking_is_confirmed_at_once() {
    Booking b = booking("0.00");
    assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.expiresAt()).isNull();
  }

  @Test
  void a_hold_expires_only_once_its_time_has_passed() {
    Booking b = booking("20.00");
    assertThatThrownBy(() -> b.expire(NOW.plusSeconds(60)))
        .isInstanceOfSatisfying(
            IllegalTransition.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    b.expire(HOLD);
    assertThat(b.status()).isEqualTo(BookingStatus.EXPIRED);
  }

  @Test
  void an_expired_or_cancelled_booking_cannot_be_cancelled_again() {
    Booking expired = booking("20.00");
    expired.expire(HOLD);
    assertThatThrownBy(() -> expired.cancel(HOLD))
        .isInstanceOfSatisfying(
            IllegalTransition.class,
            e -> assertThat(e.code()).isEqualTo("BOOKING_NOT_CANCELLABLE"));
    Booking cancelled = booking("20.00");
    assertThat(cancelled.cancel(NOW)).isEqualTo(BookingStatus.PENDING);
    assertThatThrownBy(() -> cancelled.cancel(NOW))
        .isInstanceOfSatisfying(
            IllegalTransition.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
  }

  @Test
  void a_confirmed_booking_can_be_cancelled_but_not_confirmed_again_or_expired() {
    Booking b = booking("20.00");
    b.confirm(NOW);
    assertThatThrownBy(() -> b.confirm(NOW)).isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> b.expire(HOLD)).isInstanceOf(IllegalTransition.class);
    assertThat(b.cancel(NOW)).isEqualTo(BookingStatus.CONFIRMED);
    assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void only_the_booker_and_the_organizer_see_a_booking() {
    Booking b = booking("20.00");
    assertThat(b.isVisibleTo(1)).isTrue();
    assertThat(b.isVisibleTo(4)).isTrue();
    assertThat(b.isVisibleTo(99)).isFalse();
  }
}
