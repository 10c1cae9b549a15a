package org.boxoffice.media.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.media.control.ImageStores;
import org.boxoffice.media.control.StoreUnavailable;

/**
 * Deletes stale objects from the store: leases their rows in one short transaction, deletes the
 * objects outside any transaction, then forgets the rows of those it deleted. A server that dies
 * mid-way leaves the rows leased; the lease runs out and another sweep finishes the job (deleting
 * an object twice is harmless).
 */
@ApplicationScoped
class ImageCollector {
  private static final Logger LOG = Logger.getLogger(ImageCollector.class.getName());
  static final Duration LEASE = Duration.ofMinutes(5);

  @Inject ImageLedger ledger;
  @Inject ImageStores stores;
  @Inject Clock clock;

  /** Deletes up to {@code limit} due objects; answers how many were leased. */
  int collectDue(int limit) {
    List<String> leased = ledger.leaseDue(limit, clock.instant(), LEASE);
    delete(leased);
    return leased.size();
  }

  /** Deletes these objects now if they are still stale; the sweep retries what fails. */
  void collect(List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    try {
      delete(ledger.lease(keys, clock.instant(), LEASE));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stale images left for the sweep: {0}", String.valueOf(e));
    }
  }

  private void delete(List<String> keys) {
    List<String> deleted = new ArrayList<>();
    try {
      for (String key : keys) {
        stores.store().delete(key);
        deleted.add(key);
      }
    } catch (StoreUnavailable e) {
      LOG.log(
          Level.WARNING,
          "image store unavailable; {0} stale objects left for the next sweep: {1}",
          new Object[] {keys.size() - deleted.size(), String.valueOf(e.getCause())});
    } finally {
      if (!deleted.isEmpty()) {
        ledger.forget(deleted);
      }
    }
  }
}
