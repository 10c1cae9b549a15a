package org.boxoffice.events.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.boxoffice.events.control.EventsSettings;
import org.boxoffice.events.entity.PaymentGatewayChoice;
import org.boxoffice.platform.boundary.Page;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Cache-aside for event pages, in this server's memory. Metadata (title, dates, tiers) lives up to
 * {@code boxoffice.events.cache.ttl.seconds} and is dropped on every change made on this server;
 * the live figures (status, seats left) live at most {@code boxoffice.events.live.cache.millis}, so
 * a page is never more than about a second behind the bookings, whichever replica took them.
 */
@ApplicationScoped
public class EventCache {
  @Inject @ConfigProperties EventsSettings settings;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private Cache<Long, EventView> metadata;
  private Cache<Long, LiveFigures> live;
  private Cache<CatalogQuery, Page<EventSummary>> catalogPages;
  private Cache<Long, PaymentGatewayChoice> gatewayChoices;

  @PostConstruct
  void build() {
    metadata = expiringAfter(Duration.ofSeconds(settings.cacheTtlSeconds));
    live = expiringAfter(liveWindow());
    // Read for every paid booking: kept for the live window, like the seat figures, so a hot sale
    // does not pay a transaction per booking for it, and a change reaches every replica as fast.
    gatewayChoices = expiringAfter(liveWindow());
    // Catalog pages carry seat figures, so they live no longer than those do.
    catalogPages = expiringAfter(liveWindow());
  }

  private <K, V> Cache<K, V> expiringAfter(Duration lifetime) {
    return Caffeine.newBuilder()
        .expireAfterWrite(lifetime)
        .maximumSize(settings.cacheMaxEntries)
        .build();
  }

  /** How old a live figure (seats left) may be when it is served from memory. */
  public Duration liveWindow() {
    return Duration.ofMillis(settings.liveCacheMillis);
  }

  /** One catalog search as the client asked it (a defaulted {@code from} stays null). */
  record CatalogQuery(String q, Instant from, Instant to, String location, int page, int size) {}

  Page<EventSummary> catalogPage(
      CatalogQuery query, Function<CatalogQuery, Page<EventSummary>> loader) {
    return catalogPages.get(query, loader);
  }

  EventView metadata(long eventId, Function<Long, EventView> loader) {
    return metadata.get(eventId, loader);
  }

  LiveFigures live(long eventId, Function<Long, LiveFigures> loader) {
    return live.get(eventId, loader);
  }

  PaymentGatewayChoice gatewayChoice(long eventId, Function<Long, PaymentGatewayChoice> loader) {
    return gatewayChoices.get(eventId, loader);
  }

  /** Figures known exact at a commit on this server: they start a new window of their own. */
  void remember(long eventId, LiveFigures figures) {
    live.put(eventId, figures);
  }

  /**
   * Drops the event now and again after the transaction ends: a reader that loads the old row
   * between the change and the commit cannot leave it cached.
   */
  void invalidate(long eventId) {
    drop(eventId);
    afterCompletion(() -> drop(eventId));
  }

  private void afterCompletion(Runnable action) {
    if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
              action.run();
            }
          });
    }
  }

  /**
   * Seats came back (an expiry, a cancellation, a refund): this server's figures of the event are
   * dropped now and again after the transaction ends, so its next booking asks the database.
   */
  void forgetLive(long eventId) {
    live.invalidate(eventId);
    afterCompletion(() -> live.invalidate(eventId));
  }

  private void drop(long eventId) {
    metadata.invalidate(eventId);
    live.invalidate(eventId);
    gatewayChoices.invalidate(eventId);
    catalogPages.invalidateAll();
  }
}
