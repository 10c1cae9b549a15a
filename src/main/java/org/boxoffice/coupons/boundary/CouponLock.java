package org.boxoffice.coupons.boundary;

import java.time.Instant;
import org.boxoffice.coupons.entity.Coupon;

/**
 * A coupon row locked by {@link Coupons#lock} for the rest of the caller's transaction, so that a
 * batch of bookings takes its uses one by one under the one lock. A refused use changes nothing.
 */
public final class CouponLock {
  private final Coupon coupon;

  CouponLock(Coupon coupon) {
    this.coupon = coupon;
  }

  /**
   * Takes one use for a booking of the ticket type, or refuses: 422 COUPON_INVALID (disabled, other
   * ticket type), COUPON_EXPIRED, COUPON_EXHAUSTED.
   */
  public Redemption redeem(long ticketTypeId, Instant now) {
    coupon.redeem(ticketTypeId, now);
    return new Redemption(
        coupon.id(), coupon.code(), coupon.discountType(), coupon.discountValue());
  }

  /** The form in which two spellings of one code are the same coupon. */
  public static String normalize(String code) {
    return Coupon.normalize(code);
  }
}
