package org.boxoffice.payments.control;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Exact amounts as the integer minor units providers count in (EUR 12.34 → 1234, JPY 500 → 500).
 */
public final class MinorUnits {
  private MinorUnits() {}

  public static long of(BigDecimal amount, String currency) {
    int digits =
        Math.max(
            0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    return amount.movePointRight(digits).longValueExact();
  }

  public static BigDecimal toAmount(long minor, String currency) {
    int digits =
        Math.max(
            0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    return BigDecimal.valueOf(minor, digits).setScale(2);
  }
}
