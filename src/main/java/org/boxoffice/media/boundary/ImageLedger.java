package org.boxoffice.media.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.media.control.ImageProcessor;
import org.boxoffice.media.entity.EventImage;
import org.boxoffice.media.entity.StaleObject;

/**
 * The database side of event images, each method one short transaction: which image an event has,
 * and which objects of the store are to be deleted. No method talks to the store.
 */
@ApplicationScoped
class ImageLedger {
  // Native, because JPQL has no SKIP LOCKED; PostgreSQL and H2 2.x both understand it.
  private static final String DUE =
      "SELECT * FROM stale_image_objects WHERE due_at <= ?1"
          + " AND (leased_until IS NULL OR leased_until < ?1)"
          + " ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED";

  @PersistenceContext EntityManager em;
  @Inject Events events;

  /** The event's image as it is now. */
  @Transactional
  Optional<EventImage> current(long eventId) {
    return Optional.ofNullable(em.find(EventImage.class, eventId));
  }

  /**
   * Before an upload writes its objects: they are to be deleted at {@code due} unless the upload
   * commits first, so a server that dies in between leaves nothing behind for good.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void expect(List<String> keys, Instant due) {
    for (String key : keys) {
      StaleObject stale = em.find(StaleObject.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (stale == null) {
        em.persist(new StaleObject(key, due));
      } else {
        // The same image, deleted a moment ago and not swept yet: keep its objects for now.
        stale.postpone(due);
      }
    }
  }

  /**
   * Makes the processed upload the event's image; its objects are no longer stale, those of the
   * image it replaces are, at once. Answers the replaced image's keys.
   */
  @Transactional
  List<String> adopt(long eventId, long uploaderId, ImageProcessor.Processed upload, Instant now) {
    EventImage image = em.find(EventImage.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    List<String> old;
    if (image == null) {
      image = new EventImage(eventId, uploaderId);
      old =
          image.replaceWith(
              upload.hash(), upload.contentType(), upload.renditions(), uploaderId, now);
      em.persist(image);
      em.flush();
    } else {
      old =
          image.replaceWith(
              upload.hash(), upload.contentType(), upload.renditions(), uploaderId, now);
    }
    for (String key : image.objectKeys()) {
      StaleObject stale = em.find(StaleObject.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (stale != null) {
        em.remove(stale);
      }
    }
    markStale(old, now);
    events.imageChanged(eventId);
    return old;
  }

  /** The event has no image any more; answers the keys of the one it had (none if none). */
  @Transactional
  List<String> remove(long eventId, Instant now) {
    return removeHere(eventId, now);
  }

  /** Same, in the caller's transaction (an event's cancellation). */
  @Transactional(Transactional.TxType.MANDATORY)
  List<String> removeInCallersTransaction(long eventId, Instant now) {
    return removeHere(eventId, now);
  }

  private List<String> removeHere(long eventId, Instant now) {
    EventImage image = em.find(EventImage.class, eventId, LockModeType.PESSIMISTIC_WRITE);
    if (image == null) {
      return List.of();
    }
    List<String> keys = image.objectKeys();
    em.remove(image);
    markStale(keys, now);
    events.imageChanged(eventId);
    return keys;
  }

  private void markStale(List<String> keys, Instant now) {
    for (String key : keys) {
      if (em.find(StaleObject.class, key, LockModeType.PESSIMISTIC_WRITE) == null) {
        em.persist(new StaleObject(key, now));
      }
    }
  }

  /**
   * Leases up to {@code limit} due objects (SKIP LOCKED: another replica's sweep takes others). An
   * object an image refers to again (the same image uploaded anew) is let go, not deleted.
   */
  @Transactional
  List<String> leaseDue(int limit, Instant now, Duration lease) {
    @SuppressWarnings("unchecked")
    List<StaleObject> due =
        em.createNativeQuery(DUE, StaleObject.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, limit)
            .getResultList();
    return leaseUnreferenced(due, now, lease);
  }

  /** Leases the given objects if they are still to be deleted (right after they became stale). */
  @Transactional
  List<String> lease(List<String> keys, Instant now, Duration lease) {
    List<StaleObject> found = new ArrayList<>();
    for (String key : keys) {
      StaleObject stale = em.find(StaleObject.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (stale != null && stale.dueBy(now) && !stale.leasedAt(now)) {
        found.add(stale);
      }
    }
    return leaseUnreferenced(found, now, lease);
  }

  private List<String> leaseUnreferenced(
      List<StaleObject> candidates, Instant now, Duration lease) {
    List<String> leased = new ArrayList<>();
    for (StaleObject stale : candidates) {
      if (referenced(stale.objectKey())) {
        em.remove(stale);
      } else {
        stale.lease(now, lease);
        leased.add(stale.objectKey());
      }
    }
    return leased;
  }

  private boolean referenced(String key) {
    String[] parts = key.split("/");
    if (parts.length != 4 || !parts[0].equals("events")) {
      return false;
    }
    try {
      EventImage image = em.find(EventImage.class, Long.parseLong(parts[1]));
      return image != null && image.objectKeys().contains(key);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The objects are gone from the store: their rows go too. */
  @Transactional
  void forget(List<String> keys) {
    for (String key : keys) {
      StaleObject stale = em.find(StaleObject.class, key);
      if (stale != null) {
        em.remove(stale);
      }
    }
  }

  /** Events with an image, in id order after {@code afterEventId}, for the sweep. */
  @Transactional
  List<Long> eventsWithImages(long afterEventId, int limit) {
    return em.createQuery(
            "SELECT i.eventId FROM EventImage i WHERE i.eventId > :after ORDER BY i.eventId",
            Long.class)
        .setParameter("after", afterEventId)
        .setMaxResults(limit)
        .getResultList();
  }
}
