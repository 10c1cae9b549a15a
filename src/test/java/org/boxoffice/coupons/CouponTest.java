package org.boxoffice.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.boxoffice.coupons.entity.Coupon;
import org.boxoffice.coupons.entity.CouponRefused;
import org.boxoffice.coupons.entity.DiscountType;
import org.boxoffice.platform.entity.DomainException.Kind;
import org.junit.jupiter.api.Test;

class CouponTest {
  private static final Instant NOW = Instant.parse("2027-01-09T10:00:00Z");

  private static Coupon coupon(Integer maxUsages, Instant expiresAt, Set<Long> tiers) {
    return new Coupon(
        1, " Summer10 ", DiscountType.PERCENT, BigDecimal.TEN, maxUsages, expiresAt, tiers, NOW);
  }

  private static String refusal(Runnable action) {
    try {
      action.run();
      return "accepted";
    } catch (CouponRefused e) {
      assertThat(e.kind()).isEqualTo(Kind.REFUSED);
      return e.code();
    }
  }

  @Test
  void codes_are_matched_regardless_of_case_and_blanks() {
    assertThat(Coupon.normalize(" Summer10 ")).isEqualTo("summer10");
    assertThat(coupon(null, null, Set.of()).code()).isEqualTo("Summer10");
  }

  @Test
  void a_coupon_is_used_up_at_its_limit_and_a_use_given_back_makes_room_again() {
    Coupon c = coupon(2, null, Set.of());
    c.redeem(7, NOW);
    c.redeem(7, NOW);
    assertThat(refusal(() -> c.redeem(7, NOW))).isEqualTo("COUPON_EXHAUSTED");
    c.giveBack();
    c.redeem(7, NOW);
    assertThat(c.currentUsages()).isEqualTo(2);
  }

  @Test
  void giving_back_never_goes_below_zero() {
    Coupon c = coupon(null, null, Set.of());
    c.giveBack();
    assertThat(c.currentUsages()).isZero();
  }

  @Test
  void an_expired_coupon_is_refused_with_COUPON_EXPIRED() {
    Coupon c = coupon(null, NOW, Set.of());
    assertThat(refusal(() -> c.redeem(7, NOW))).isEqualTo("COUPON_EXPIRED");
    assertThat(c.currentUsages()).isZero();
  }

  @Test
  void a_disabled_coupon_or_another_ticket_type_is_refused_with_COUPON_INVALID() {
    Coupon restricted = coupon(null, null, Set.of(5L));
    assertThat(refusal(() -> restricted.redeem(7, NOW))).isEqualTo("COUPON_INVALID");
    assertThat(refusal(() -> restricted.redeem(5, NOW))).isEqualTo("accepted");
    restricted.disable();
    assertThat(refusal(() -> restricted.redeem(5, NOW))).isEqualTo("COUPON_INVALID");
  }

  @Test
  void a_late_payment_takes_a_use_again_only_while_one_is_left_even_when_disabled_or_expired() {
    Coupon c = coupon(1, NOW.minusSeconds(1), Set.of());
    c.disable();

    assertThat(c.retakeUse()).isTrue();
    assertThat(c.currentUsages()).isEqualTo(1);
    assertThat(c.retakeUse()).isFalse();
    assertThat(c.currentUsages()).isEqualTo(1);
  }
}
