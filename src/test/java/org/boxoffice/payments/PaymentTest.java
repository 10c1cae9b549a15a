package org.boxoffice.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.boxoffice.payments.control.MinorUnits;
import org.boxoffice.payments.entity.Payment;
import org.boxoffice.payments.entity.PaymentStatus;
import org.boxoffice.platform.entity.DomainException;
import org.junit.jupiter.api.Test;

class PaymentTest {
  static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

  static Payment paid(String amount) {
    Payment p = Payment.open(1, 2, "sandbox", "pi_1", "s", new BigDecimal(amount), "EUR", NOW);
    p.succeed(NOW);
    return p;
  }

  @Test
  void a_payment_succeeds_once() {
    Payment p = Payment.open(1, 2, "sandbox", "pi_1", "s", new BigDecimal("10.00"), "EUR", NOW);

    assertThat(p.succeed(NOW)).isTrue();
    assertThat(p.succeed(NOW)).isFalse();
    assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void partial_refunds_add_up_to_a_full_refund_and_never_beyond() {
    Payment p = paid("20.00");

    assertThat(p.refund(new BigDecimal("5"), NOW)).isEqualByComparingTo("5.00");
    assertThat(p.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThatThrownBy(() -> p.refund(new BigDecimal("15.01"), NOW))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("15.00");
    assertThat(p.refund(null, NOW)).isEqualByComparingTo("15.00");
    assertThat(p.fullyRefunded()).isTrue();
    assertThatThrownBy(() -> p.refund(null, NOW))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("NOT_REFUNDABLE");
  }

  @Test
  void an_unpaid_payment_has_nothing_to_refund() {
    Payment p = Payment.open(1, 2, "sandbox", "pi_1", "s", new BigDecimal("10.00"), "EUR", NOW);

    assertThatThrownBy(() -> p.refund(null, NOW)).isInstanceOf(DomainException.class);
  }

  @Test
  void a_provider_report_of_refunds_only_ever_catches_up() {
    Payment p = paid("20.00");
    p.refund(new BigDecimal("5.00"), NOW);

    assertThat(p.reconcileRefunded(new BigDecimal("5.00"), NOW)).isEqualByComparingTo("0");
    assertThat(p.reconcileRefunded(new BigDecimal("20.00"), NOW)).isEqualByComparingTo("15.00");
    assertThat(p.fullyRefunded()).isTrue();
  }

  @Test
  void amounts_become_the_minor_units_of_their_currency() {
    assertThat(MinorUnits.of(new BigDecimal("12.34"), "EUR")).isEqualTo(1234);
    assertThat(MinorUnits.of(new BigDecimal("500"), "JPY")).isEqualTo(500);
    assertThat(MinorUnits.toAmount(2000, "eur")).isEqualByComparingTo("20.00");
  }
}
