package org.boxoffice.events.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.events.control.EventsSettings;
import org.boxoffice.events.entity.EventErrors;
import org.boxoffice.events.entity.EventStatus;
import org.boxoffice.platform.boundary.UnavailableException;
import org.boxoffice.platform.entity.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Live seat figures as Server-Sent Events: one feed per event on this server, however many pages
 * listen. While an event has listeners, its feed looks at the same figures {@code GET /events/{id}}
 * serves (the live cache, so at most one database read per event per live window on this server,
 * whatever the number of listeners) and sends them when they change. Each new listener gets the
 * current figures at once; a quiet stream gets a comment now and then, so a listener that went away
 * is noticed and dropped. The feed stops with its last listener.
 */
@ApplicationScoped
public class AvailabilityFeeds {
  private static final Logger LOG = Logger.getLogger(AvailabilityFeeds.class.getName());
  static final String EVENT_NAME = "availability";

  /** What a stream sends: the event's seats left, and each tier's. */
  public record Figures(
      long eventId, EventStatus status, int availableSeats, List<Tier> ticketTypes) {
    /** One tier's seats left. */
    public record Tier(long id, int available) {}

    static Figures of(EventView event) {
      return new Figures(
          event.id(),
          event.status(),
          event.availableSeats(),
          event.ticketTypes().stream().map(t -> new Tier(t.id(), t.available())).toList());
    }
  }

  @Inject Catalog catalog;
  @Inject @ConfigProperties EventsSettings settings;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject MetricRegistry metrics;

  private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();
  private final AtomicInteger subscribers = new AtomicInteger();
  private final Jsonb json = JsonbBuilder.create();

  /**
   * Adds a listener to the event's feed and sends it the current figures. 404 for a draft or no
   * such event, 503 when this server has as many streams open as it keeps.
   */
  public void subscribe(long eventId, SseEventSink sink, Sse sse) {
    Figures now = figures(eventId);
    if (subscribers.incrementAndGet() > settings.streamMaxSubscribers) {
      subscribers.decrementAndGet();
      throw new UnavailableException(
          EventErrors.STREAMS_FULL,
          "This server has as many availability streams open as it keeps; retry later",
          Duration.ofSeconds(30));
    }
    if (!send(sink, event(sse, now))) {
      subscribers.decrementAndGet();
      return;
    }
    feeds.compute(
        eventId,
        (id, feed) -> {
          Feed running = feed == null ? new Feed(id, sse, now) : feed;
          running.sinks.add(sink);
          return running;
        });
  }

  void registerMetrics(@Observes Startup startup) {
    metrics.gauge(
        Metadata.builder()
            .withName("availability.streams")
            .withDescription("Availability streams open on this server, over all events")
            .build(),
        subscribers,
        AtomicInteger::get);
    metrics.gauge(
        Metadata.builder()
            .withName("availability.feeds")
            .withDescription("Events whose figures this server watches for its open streams")
            .build(),
        feeds,
        Map::size);
  }

  private Figures figures(long eventId) {
    EventView event = catalog.event(eventId, null);
    if (event.status() == EventStatus.DRAFT) {
      throw DomainException.notFound(EventErrors.EVENT_NOT_FOUND, "No such event");
    }
    return Figures.of(event);
  }

  private OutboundSseEvent event(Sse sse, Figures figures) {
    return sse.newEventBuilder()
        .name(EVENT_NAME)
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(json.toJson(figures))
        .reconnectDelay(3000)
        .build();
  }

  private static boolean send(SseEventSink sink, OutboundSseEvent event) {
    if (sink.isClosed()) {
      return false;
    }
    try {
      sink.send(event).toCompletableFuture().get(5, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception gone) {
      // The listener went away (or stopped reading): drop it.
      return false;
    }
  }

  /** One event's listeners and the task that watches its figures. */
  private final class Feed {
    final long eventId;
    final Sse sse;
    final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
    volatile Figures last;
    volatile long quietSince = System.nanoTime();
    final ScheduledFuture<?> task;

    Feed(long eventId, Sse sse, Figures first) {
      this.eventId = eventId;
      this.sse = sse;
      this.last = first;
      long interval = Math.max(100, settings.streamIntervalMillis);
      this.task =
          scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    void tick() {
      try {
        Figures now;
        boolean gone = false;
        try {
          now = figures(eventId);
        } catch (DomainException notShown) {
          now = null;
          gone = true;
        } catch (RuntimeException unavailable) {
          // The database is away: keep the listeners, say nothing, try again next time.
          LOG.log(
              Level.FINE, "availability feed of event " + eventId + " could not read", unavailable);
          return;
        }
        if (gone) {
          sinks.forEach(this::close);
        } else if (!now.equals(last)) {
          last = now;
          quietSince = System.nanoTime();
          OutboundSseEvent event = event(sse, now);
          for (SseEventSink sink : sinks) {
            if (!send(sink, event)) {
              close(sink);
            }
          }
        } else if (Duration.ofNanos(System.nanoTime() - quietSince).toSeconds()
            >= settings.streamHeartbeatSeconds) {
          quietSince = System.nanoTime();
          OutboundSseEvent heartbeat = sse.newEventBuilder().comment("still here").build();
          for (SseEventSink sink : sinks) {
            if (!send(sink, heartbeat)) {
              close(sink);
            }
          }
        }
        for (SseEventSink sink : sinks) {
          if (sink.isClosed()) {
            close(sink);
          }
        }
        stopIfIdle();
      } catch (RuntimeException bug) {
        LOG.log(Level.WARNING, "availability feed of event " + eventId + " failed a round", bug);
      }
    }

    void close(SseEventSink sink) {
      if (sinks.remove(sink)) {
        subscribers.decrementAndGet();
      }
      try {
        sink.close();
      } catch (RuntimeException alreadyClosed) {
        // nothing to do
      }
    }

    void stopIfIdle() {
      feeds.computeIfPresent(
          eventId,
          (id, feed) -> {
            if (feed == this && sinks.isEmpty()) {
              task.cancel(false);
              return null;
            }
            return feed;
          });
    }
  }

  @PreDestroy
  void closeAll() {
    for (Feed feed : feeds.values()) {
      feed.task.cancel(false);
      feed.sinks.forEach(feed::close);
    }
    feeds.clear();
  }
}
