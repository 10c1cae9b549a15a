package org.boxoffice.notifications.control;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates and money in an email, written the recipient's language's way: a moment in the event's own
 * time zone (named after it), an amount in the event's currency with its usual decimals.
 */
public final class EmailFormats {
  private EmailFormats() {}

  /** "Saturday, April 10, 2027 7:30 PM (Asia/Taipei)" / "2027年4月10日 星期六 下午7:30 (Asia/Taipei)". */
  public static String when(Instant at, String timeZone, Locale locale) {
    ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
    return local.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale))
        + " "
        + local.format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale))
        + " ("
        + timeZone
        + ")";
  }

  /** "€1,234.50" and the like: the locale's currency format for an ISO 4217 code. */
  public static String money(BigDecimal amount, String currencyCode, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    Currency currency = Currency.getInstance(currencyCode);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return format.format(amount);
  }

  /** How long a link works, in whole hours (at least one). */
  public static String validFor(Duration ttl, Locale locale) {
    long hours = Math.max(1, Math.round(ttl.toMinutes() / 60.0));
    return Templates.text(locale, "validFor.hours", hours);
  }
}
