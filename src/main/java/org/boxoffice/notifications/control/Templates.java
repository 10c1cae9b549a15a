package org.boxoffice.notifications.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email templates in files ({@code templates/<name>.subject|.txt|.html} next to this package):
 * plain {@code {{name}}} placeholders. Values are user data: HTML-escaped in the HTML part, and
 * stripped of line breaks in the subject (no header injection). An unknown placeholder is left
 * empty.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");
  private static final String ROOT = "/org/boxoffice/notifications/templates/";

  private Templates() {}

  /** A rendered email: subject, text and HTML alternatives. */
  public record Rendered(String subject, String text, String html) {}

  public static Rendered render(String name, Map<String, String> values) {
    return new Rendered(
        fill(load(name + ".subject"), values, Templates::oneLine).strip(),
        fill(load(name + ".txt"), values, v -> v),
        fill(load(name + ".html"), values, Templates::escapeHtml));
  }

  static String fill(
      String template, Map<String, String> values, java.util.function.UnaryOperator<String> esc) {
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
