package org.boxoffice.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageLocaleTest {
  private static Locale chosen(String acceptLanguage) {
    List<Locale> asked =
        Locale.LanguageRange.parse(acceptLanguage).stream()
            .map(range -> Locale.forLanguageTag(range.getRange()))
            .toList();
    return PageLocale.choose(asked.iterator());
  }

  @Test
  void traditional_chinese_for_taiwan_hong_kong_macau_hant_and_plain_zh() {
    assertThat(chosen("zh-TW,zh;q=0.9")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(chosen("zh-HK")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(chosen("zh-MO")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(chosen("zh-Hant")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(chosen("zh")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(PageLocale.choose(List.of(new Locale("zh", "HANT", "HK")).iterator()))
        .as("the script where a container put the country")
        .isEqualTo(PageLocale.TRADITIONAL_CHINESE);
  }

  @Test
  void simplified_chinese_and_other_languages_fall_to_english_or_the_next_language_asked() {
    assertThat(chosen("zh-CN")).isEqualTo(PageLocale.ENGLISH);
    assertThat(chosen("zh-Hans,zh-TW;q=0.5")).isEqualTo(PageLocale.TRADITIONAL_CHINESE);
    assertThat(chosen("fr-FR,de;q=0.8")).isEqualTo(PageLocale.ENGLISH);
    assertThat(chosen("en-GB,zh-TW;q=0.9")).isEqualTo(PageLocale.ENGLISH);
  }
}
