package org.boxoffice.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * An event's current image: the hash of the bytes it was made from (which names its objects, so a
 * new image always has new URLs and no cache can serve an old one), its content type and its
 * renditions.
 */
@Entity
@Table(name = "event_images")
public class EventImage {
  @Id
  @Column(name = "event_id")
  private long eventId;

  @Column(name = "content_hash", nullable = false)
  private String contentHash;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(nullable = false)
  private String renditions;

  @Column(name = "uploaded_by", nullable = false)
  private long uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected EventImage() {}

  public EventImage(long eventId, long uploadedBy) {
    this.eventId = eventId;
    this.uploadedBy = uploadedBy;
  }

  /** Makes this the event's image; answers the object keys of the one it replaces (none if new). */
  public List<String> replaceWith(
      String hash, String type, List<Rendition> made, long by, Instant at) {
    List<String> old = contentHash == null ? List.of() : objectKeys();
    this.contentHash = hash;
    this.contentType = type;
    this.renditions = Rendition.encode(made);
    this.uploadedBy = by;
    this.uploadedAt = at;
    return old.stream().filter(key -> !objectKeys().contains(key)).toList();
  }

  /** The keys of this image's objects in the store. */
  public List<String> objectKeys() {
    return renditions().stream()
        .map(r -> keyOf(eventId, contentHash, r.name(), contentType))
        .toList();
  }

  /** {@code events/<event>/<hash>/<rendition>.<ext>}. */
  public static String keyOf(long eventId, String hash, String rendition, String contentType) {
    return "events/" + eventId + "/" + hash + "/" + rendition + "." + extensionOf(contentType);
  }

  public static String extensionOf(String contentType) {
    return "image/png".equals(contentType) ? "png" : "jpg";
  }

  public long eventId() {
    return eventId;
  }

  public String contentHash() {
    return contentHash;
  }

  public String contentType() {
    return contentType;
  }

  public List<Rendition> renditions() {
    return Rendition.decode(renditions);
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
