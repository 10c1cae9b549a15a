package org.boxoffice.coupons.boundary;

import java.math.BigDecimal;
import org.boxoffice.coupons.entity.DiscountType;

/** One use of a coupon, taken for a booking: what the booking needs to price itself. */
public record Redemption(
    long couponId, String code, DiscountType discountType, BigDecimal discountValue) {}
