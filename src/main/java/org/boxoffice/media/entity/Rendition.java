package org.boxoffice.media.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * One size of an event's image: {@code large} (at most 1600 px wide), {@code medium} (800) or
 * {@code small} (320), never wider than the upload itself.
 */
public record Rendition(String name, int width, int height) {
  /** The renditions made of every upload, widest first, with their widest widths. */
  public static final List<Rendition> TARGETS =
      List.of(
          new Rendition("large", 1600, 0),
          new Rendition("medium", 800, 0),
          new Rendition("small", 320, 0));

  /** {@code large:1600x900,medium:800x450}: how the renditions are kept in one column. */
  public static String encode(List<Rendition> renditions) {
    StringBuilder text = new StringBuilder();
    for (Rendition r : renditions) {
      if (!text.isEmpty()) {
        text.append(',');
      }
      text.append(r.name).append(':').append(r.width).append('x').append(r.height);
    }
    return text.toString();
  }

  public static List<Rendition> decode(String text) {
    List<Rendition> renditions = new ArrayList<>();
    for (String part : text.split(",")) {
      int colon = part.indexOf(':');
      int x = part.indexOf('x', colon);
      renditions.add(
          new Rendition(
              part.substring(0, colon),
              Integer.parseInt(part.substring(colon + 1, x)),
              Integer.parseInt(part.substring(x + 1))));
    }
    return renditions;
  }
}
