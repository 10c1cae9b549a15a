package org.boxoffice.platform.entity;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Boxoffice speaks to attendees (its pages and emails): English, and Traditional
 * Chinese ({@code zh-TW}). An account's preferred language is one of their tags; a browser's {@code
 * Accept-Language} is mapped onto them: Traditional Chinese for the zh variants written in it
 * (Taiwan, Hong Kong, Macau, "Hant", or plain zh), English otherwise.
 */
public final class Languages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale TRADITIONAL_CHINESE = Locale.forLanguageTag("zh-TW");

  /** The supported tags, as stored and as {@code PATCH /me} accepts them. */
  public static final List<String> TAGS = List.of("en", "zh-TW");

  private Languages() {}

  /** The supported locale with this exact tag (case-insensitive), if it is one. */
  public static Optional<Locale> ofTag(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return TAGS.stream()
        .filter(supported -> supported.equalsIgnoreCase(tag.strip()))
        .findFirst()
        .map(Locale::forLanguageTag);
  }

  /** The stored tag's locale; English for a missing or unknown one. */
  public static Locale of(String tag) {
    return ofTag(tag).orElse(ENGLISH);
  }

  /** The first language asked for that Boxoffice speaks; English when none. */
  public static Locale choose(Iterator<Locale> asked) {
    while (asked.hasNext()) {
      Locale candidate = asked.next();
      if (candidate.getLanguage().equals("en")) {
        return ENGLISH;
      }
      if (candidate.getLanguage().equals("zh") && traditional(candidate)) {
        return TRADITIONAL_CHINESE;
      }
    }
    return ENGLISH;
  }

  /**
   * A container may hand over {@code zh-Hant-HK} with the script read as a country ({@code HANT}):
   * the script is looked for in every part of the tag.
   */
  private static boolean traditional(Locale zh) {
    String parts =
        (zh.getScript() + "_" + zh.getCountry() + "_" + zh.getVariant()).toUpperCase(Locale.ROOT);
    return List.of(parts.split("_")).stream().anyMatch(List.of("HANT", "TW", "HK", "MO")::contains)
        || (zh.getCountry().isEmpty() && zh.getScript().isEmpty());
  }
}
