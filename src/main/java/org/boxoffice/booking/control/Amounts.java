package org.boxoffice.booking.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a booking costs: {@code total = unit × quantity}, the discount (a percentage of the total,
 * or a fixed amount, never more than the total) and {@code final = total − discount}. Exact: two
 * decimal places, HALF_EVEN.
 */
public record Amounts(BigDecimal total, BigDecimal discount, BigDecimal finalAmount) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** No coupon. */
  public static Amounts of(BigDecimal unitPrice, int quantity) {
    BigDecimal total = money(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    return new Amounts(total, money(BigDecimal.ZERO), total);
  }

  /** With a percentage off the total (1 to 100). */
  public static Amounts withPercent(BigDecimal unitPrice, int quantity, BigDecimal percent) {
    Amounts full = of(unitPrice, quantity);
    return full.discounted(money(full.total.multiply(percent).divide(HUNDRED)));
  }

  /** With a fixed amount off the total, capped at the total. */
  public static Amounts withFixed(BigDecimal unitPrice, int quantity, BigDecimal amountOff) {
    Amounts full = of(unitPrice, quantity);
    return full.discounted(money(amountOff));
  }

  public boolean isFree() {
    return finalAmount.signum() == 0;
  }

  private Amounts discounted(BigDecimal discount) {
    BigDecimal capped = discount.min(total).max(money(BigDecimal.ZERO));
    return new Amounts(total, capped, money(total.subtract(capped)));
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
