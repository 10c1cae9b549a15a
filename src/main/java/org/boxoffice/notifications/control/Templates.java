package org.boxoffice.notifications.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email templates in files ({@code templates/<name>.subject|.txt|.html} next to this package) that
 * hold the layout only: every text is a {@code [[key]]} of the resource bundle {@code
 * org.boxoffice.notifications.emails} in the recipient's language (English, Traditional Chinese),
 * and texts and templates hold plain {@code {{name}}} placeholders for the values ({@code {{lang}}}
 * is the language's tag). Values are user data: HTML-escaped in the HTML part, and stripped of line
 * breaks in the subject (no header injection). An unknown placeholder is left empty.
 */
public final class Templates {
  static final String BUNDLE = "org.boxoffice.notifications.emails";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");
  private static final Pattern TEXT = Pattern.compile("\\[\\[([A-Za-z0-9.-]+)]]");
  private static final String ROOT = "/org/boxoffice/notifications/templates/";

  private Templates() {}

  /** A rendered email: subject, text and HTML alternatives. */
  public record Rendered(String subject, String text, String html) {}

  /** The email {@code name} in the language {@code locale}, its placeholders filled. */
  public static Rendered render(String name, Locale locale, Map<String, String> values) {
    ResourceBundle texts = bundle(locale);
    Map<String, String> all = new HashMap<>(values);
    all.put("lang", locale.toLanguageTag());
    return new Rendered(
        fill(texts(load(name + ".subject"), texts, v -> v), all, Templates::oneLine).strip(),
        fill(texts(load(name + ".txt"), texts, v -> v), all, v -> v),
        fill(
            texts(load(name + ".html"), texts, Templates::escapeHtml), all, Templates::escapeHtml));
  }

  /**
   * A text the code writes into an email ({@code code.<key>} of the bundle, through {@link
   * MessageFormat} with these arguments), in the language {@code locale}.
   */
  public static String text(Locale locale, String key, Object... arguments) {
    return new MessageFormat(bundle(locale).getString("code." + key), locale).format(arguments);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The template with its {@code [[key]]} texts put in (escaped for the part). */
  static String texts(String template, ResourceBundle texts, UnaryOperator<String> esc) {
    Matcher m = TEXT.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(esc.apply(texts.getString(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String fill(String template, Map<String, String> values, UnaryOperator<String> esc) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(esc.apply(value == null ? "" : value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  public static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String oneLine(String value) {
    return value.replaceAll("[\\r\\n\\t]+", " ");
  }

  private static String load(String file) {
    try (InputStream in = Templates.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("no email template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
