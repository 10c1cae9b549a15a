package org.boxoffice.coupons.entity;

/** How a coupon takes money off: a percentage of the total, or a fixed amount. */
public enum DiscountType {
  PERCENT,
  FIXED
}
