package org.boxoffice.coupons.entity;

/** The error codes the coupons feature answers with. */
public final class CouponErrors {
  public static final String COUPON_NOT_FOUND = "COUPON_NOT_FOUND";
  public static final String COUPON_CODE_TAKEN = "COUPON_CODE_TAKEN";
  public static final String COUPON_INVALID = "COUPON_INVALID";
  public static final String COUPON_EXHAUSTED = "COUPON_EXHAUSTED";
  public static final String COUPON_EXPIRED = "COUPON_EXPIRED";

  private CouponErrors() {}
}
