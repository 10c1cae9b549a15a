package org.boxoffice.coupons.entity;

import org.boxoffice.platform.entity.DomainException;

/**
 * A coupon that can't be used for this booking, a business rule's refusal: COUPON_INVALID, COUPON_
 * EXPIRED or COUPON_EXHAUSTED. The booking it was asked for is refused with it.
 */
public class CouponRefused extends DomainException {
  private static final long serialVersionUID = 1L;

  CouponRefused(String code, String message) {
    super(Kind.REFUSED, code, message);
  }

  /** COUPON_INVALID: the event has no coupon with this code, or it is disabled. */
  public static CouponRefused notValid() {
    return new CouponRefused(CouponErrors.COUPON_INVALID, "This coupon is not valid");
  }
}
