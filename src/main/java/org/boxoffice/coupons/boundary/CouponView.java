package org.boxoffice.coupons.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.coupons.entity.Coupon;

/** A coupon as its organizer sees it. */
@JsonbPropertyOrder({
  "id",
  "code",
  "discountType",
  "discountValue",
  "maxUsages",
  "expiresAt",
  "currentUsages",
  "active",
  "ticketTypeIds"
})
public record CouponView(
    long id,
    String code,
    String discountType,
    BigDecimal discountValue,
    Integer maxUsages,
    OffsetDateTime expiresAt,
    int currentUsages,
    boolean active,
    List<Long> ticketTypeIds)
    implements Serializable {

  static CouponView of(Coupon coupon) {
    return new CouponView(
        coupon.id(),
        coupon.code(),
        coupon.discountType().name(),
        coupon.discountValue(),
        coupon.maxUsages(),
        coupon.expiresAt() == null ? null : coupon.expiresAt().atOffset(ZoneOffset.UTC),
        coupon.currentUsages(),
        coupon.active(),
        coupon.ticketTypeIds().stream().sorted().toList());
  }
}
