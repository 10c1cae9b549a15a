package org.boxoffice.events.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.Serializable;
import java.util.List;

/**
 * The event's image on {@code EventView}: its content type and one URL per rendition, widest first.
 * The URLs name the image's content hash, so a new image always has new URLs.
 */
@JsonbPropertyOrder({"contentType", "renditions"})
public record EventImageView(String contentType, List<RenditionView> renditions)
    implements Serializable {

  /** One size of the image: {@code large}, {@code medium} or {@code small}. */
  @JsonbPropertyOrder({"name", "width", "height", "url"})
  public record RenditionView(String name, int width, int height, String url)
      implements Serializable {}
}
