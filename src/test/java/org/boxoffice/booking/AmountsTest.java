package org.boxoffice.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.boxoffice.booking.control.Amounts;
import org.junit.jupiter.api.Test;

class AmountsTest {
  @Test
  void total_is_unit_price_times_quantity_with_two_places() {
    Amounts amounts = Amounts.of(new BigDecimal("19.99"), 3);
    assertThat(amounts.total()).isEqualByComparingTo("59.97").hasScaleOf(2);
    assertThat(amounts.discount()).isEqualByComparingTo("0.00").hasScaleOf(2);
    assertThat(amounts.finalAmount()).isEqualByComparingTo("59.97");
  }

  @Test
  void percent_discount_rounds_half_even_to_cents() {
    // 10% of 0.25 * 1 = 0.025 -> 0.02 (half-even), not 0.03
    Amounts amounts = Amounts.withPercent(new BigDecimal("0.25"), 1, BigDecimal.TEN);
    assertThat(amounts.discount()).isEqualByComparingTo("0.02");
    assertThat(amounts.finalAmount()).isEqualByComparingTo("0.23");
    // 10% of 0.35 = 0.035 -> 0.04 (half-even rounds to the even cent)
    assertThat(Amounts.withPercent(new BigDecimal("0.35"), 1, BigDecimal.TEN).discount())
        .isEqualByComparingTo("0.04");
  }

  @Test
  void percent_discount_of_a_third() {
    Amounts amounts = Amounts.withPercent(new BigDecimal("10.00"), 2, new BigDecimal("33.33"));
    assertThat(amounts.total()).isEqualByComparingTo("20.00");
    assertThat(amounts.discount()).isEqualByComparingTo("6.67");
    assertThat(amounts.finalAmount()).isEqualByComparingTo("13.33");
  }

  @Test
  void hundred_percent_makes_the_booking_free() {
    Amounts amounts = Amounts.withPercent(new BigDecimal("25.00"), 4, new BigDecimal("100"));
    assertThat(amounts.finalAmount()).isEqualByComparingTo("0.00");
    assertThat(amounts.isFree()).isTrue();
  }

  @Test
  void fixed_discount_never_takes_the_price_below_zero() {
    Amounts amounts = Amounts.withFixed(new BigDecimal("5.00"), 2, new BigDecimal("50.00"));
    assertThat(amounts.discount()).isEqualByComparingTo("10.00");
    assertThat(amounts.finalAmount()).isEqualByComparingTo("0.00");
    assertThat(amounts.isFree()).isTrue();
  }

  @Test
  void fixed_discount_is_taken_off_the_total_once() {
    Amounts amounts = Amounts.withFixed(new BigDecimal("30.00"), 3, new BigDecimal("15.50"));
    assertThat(amounts.total()).isEqualByComparingTo("90.00");
    assertThat(amounts.finalAmount()).isEqualByComparingTo("74.50");
    assertThat(amounts.isFree()).isFalse();
  }

  @Test
  void a_free_ticket_type_costs_nothing() {
    assertThat(Amounts.of(BigDecimal.ZERO, 2).isFree()).isTrue();
  }
}
