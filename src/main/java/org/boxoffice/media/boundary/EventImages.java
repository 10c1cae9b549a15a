package org.boxoffice.media.boundary;

import static org.boxoffice.media.entity.MediaErrors.IMAGE_NOT_FOUND;
import static org.boxoffice.media.entity.MediaErrors.IMAGE_PROCESSING_BUSY;
import static org.boxoffice.media.entity.MediaErrors.IMAGE_STORE_UNAVAILABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.events.boundary.EventCancelled;
import org.boxoffice.events.boundary.EventImageLinks;
import org.boxoffice.events.boundary.EventImageView;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.media.control.ImageProcessor;
import org.boxoffice.media.control.ImageStores;
import org.boxoffice.media.control.ImageWorkshop;
import org.boxoffice.media.control.MediaSettings;
import org.boxoffice.media.control.StoreUnavailable;
import org.boxoffice.media.entity.EventImage;
import org.boxoffice.media.entity.Rendition;
import org.boxoffice.platform.boundary.ApiException;
import org.boxoffice.platform.boundary.ErrorCodes;
import org.boxoffice.platform.boundary.UnavailableException;
import org.boxoffice.platform.control.Failures;
import org.boxoffice.platform.control.PlatformSettings;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * The media boundary: an organizer uploads, replaces and deletes the image of their event; anyone
 * fetches its renditions. The store is written before the database and cleaned after it, never
 * inside a transaction, so a slow or dead store holds no connection and no lock.
 */
@ApplicationScoped
public class EventImages implements EventImageLinks {
  /** Objects are named by their content, so they never change: caches may keep them for good. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);
  private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);

  @PersistenceContext EntityManager em;
  @Inject Events events;
  @Inject ImageLedger ledger;
  @Inject ImageCollector collector;
  @Inject ImageSweep sweep;
  @Inject ImageWorkshop workshop;
  @Inject ImageStores stores;
  @Inject Clock clock;
  @Inject @ConfigProperties MediaSettings settings;
  @Inject @ConfigProperties PlatformSettings platform;

  /** One rendition's bytes, or the presigned URL to fetch them from. */
  public record Served(String etag, String contentType, byte[] bytes, URI redirect) {}

  /**
   * Makes the bytes the event's image. The same bytes again change nothing and cost nothing.
   * Refused: 404 when the event is not the organizer's, 409 when it can no longer be edited, 413
   * over the size limit, 422 when the bytes are no acceptable image, 503 when the store is down or
   * every processing slot is taken.
   */
  public EventImageView upload(long eventId, long organizerId, byte[] bytes) {
    OwnedEvent event = events.requireOwned(eventId, organizerId);
    if (event.status() == EventStatus.CANCELLED || event.status() == EventStatus.COMPLETED) {
      throw DomainException.conflict(
          EventErrors.EVENT_NOT_EDITABLE, "The event is " + event.status() + "; it cannot change");
    }
    if (bytes.length > platform.imageMaxBytes) {
      throw new ApiException(
          413,
          ErrorCodes.PAYLOAD_TOO_LARGE,
          "The image is larger than " + platform.imageMaxBytes + " bytes");
    }
    if (bytes.length == 0) {
      throw DomainException.invalid("image", "is required: send the image as the request body");
    }
    workshop.inspect(bytes);
    String hash = ImageProcessor.hashOf(bytes);
    Optional<EventImage> current = ledger.current(eventId);
    if (current.isPresent() && current.get().contentHash().equals(hash)) {
      return viewOf(current.get());
    }
    ImageProcessor.Processed upload;
    try {
      upload = workshop.process(bytes);
    } catch (BulkheadException busy) {
      throw new UnavailableException(
          IMAGE_PROCESSING_BUSY,
          "Too many images are being processed; try again",
          BUSY_RETRY_AFTER);
    }
    Instant now = clock.instant();
    List<String> keys =
        upload.renditions().stream()
            .map(r -> EventImage.keyOf(eventId, upload.hash(), r.name(), upload.contentType()))
            .toList();
    ledger.expect(keys, now.plusSeconds(settings.orphanGraceSeconds));
    try {
      for (int i = 0; i < keys.size(); i++) {
        stores
            .store()
            .put(keys.get(i), upload.outputs().get(i).bytes(), upload.contentType(), IMMUTABLE);
      }
    } catch (StoreUnavailable down) {
      throw storeDown();
    }
    List<String> replaced;
    try {
      replaced = ledger.adopt(eventId, organizerId, upload, now);
    } catch (RuntimeException e) {
      // Another upload gave the event its first image at the same moment: its row exists now, so
      // the second try locks it and replaces that image like any other.
      if (!isUniqueViolation(e)) {
        throw e;
      }
      replaced = ledger.adopt(eventId, organizerId, upload, now);
    }
    collector.collect(replaced);
    return viewOf(ledger.current(eventId).orElseThrow());
  }

  /** Deletes the event's image and its objects; 404 IMAGE_NOT_FOUND when it has none. */
  public void delete(long eventId, long organizerId) {
    events.requireOwned(eventId, organizerId);
    List<String> keys = ledger.remove(eventId, clock.instant());
    if (keys.isEmpty()) {
      throw DomainException.notFound(IMAGE_NOT_FOUND, "The event has no image");
    }
    collector.collect(keys);
  }

  /**
   * One rendition of the event's current image named by its hash; 404 for any other. With presigned
   * URLs on, the answer is where to fetch it from the store.
   */
  public Served rendition(long eventId, String hash, String name) {
    EventImage image =
        ledger
            .current(eventId)
            .filter(i -> i.contentHash().equals(hash))
            .orElseThrow(() -> DomainException.notFound(IMAGE_NOT_FOUND, "No such image"));
    if (image.renditions().stream().noneMatch(r -> r.name().equals(name))) {
      throw DomainException.notFound(IMAGE_NOT_FOUND, "No such image");
    }
    String key = EventImage.keyOf(eventId, hash, name, image.contentType());
    String etag = etagOf(hash, name);
    try {
      if (stores.presigned()) {
        URI url =
            stores
                .store()
                .presign(key, Duration.ofSeconds(settings.presignedSeconds))
                .orElseThrow();
        return new Served(etag, image.contentType(), null, url);
      }
      byte[] bytes =
          stores
              .store()
              .get(key)
              .orElseThrow(() -> DomainException.notFound(IMAGE_NOT_FOUND, "No such image"));
      return new Served(etag, image.contentType(), bytes, null);
    } catch (StoreUnavailable down) {
      throw storeDown();
    }
  }

  /** The ETag a rendition is served with, without reading it (for If-None-Match). */
  public static String etagOf(String hash, String name) {
    return "\"" + hash + "-" + name + "\"";
  }

  /** The image of an event for its view; in the caller's transaction. */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<EventImageView> of(long eventId) {
    return Optional.ofNullable(em.find(EventImage.class, eventId)).map(EventImages::viewOf);
  }

  /** A cancelled event keeps no image: its objects become stale in the cancelling transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  void onCancelled(@Observes EventCancelled cancelled) {
    ledger.removeInCallersTransaction(cancelled.eventId(), clock.instant());
  }

  /** ... and are deleted from the store right after it commits, on another thread. */
  void afterCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventCancelled cancelled) {
    sweep.soon();
  }

  static EventImageView viewOf(EventImage image) {
    String base = "/api/v1/events/" + image.eventId() + "/image/" + image.contentHash() + "/";
    return new EventImageView(
        image.contentType(),
        image.renditions().stream()
            .map(
                (Rendition r) ->
                    new EventImageView.RenditionView(
                        r.name(), r.width(), r.height(), base + r.name()))
            .toList());
  }

  private static boolean isUniqueViolation(RuntimeException e) {
    return Failures.find(e, SQLException.class)
        .map(SQLException::getSQLState)
        .filter("23505"::equals)
        .isPresent();
  }

  private static UnavailableException storeDown() {
    return new UnavailableException(
        IMAGE_STORE_UNAVAILABLE,
        "The image store is unavailable; try again shortly",
        STORE_RETRY_AFTER);
  }
}
