package org.boxoffice.events.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The events settings ({@code boxoffice.events.*}, e.g. {@code
 * BOXOFFICE_EVENTS_CACHE_TTL_SECONDS}), read once per bean that injects them with
 * {@code @Inject @ConfigProperties}. Each default lives here and nowhere else.
 */
@ConfigProperties(prefix = "boxoffice.events")
@Dependent
public class EventsSettings {
  /** How long an event's details and catalog pages are served from memory. */
  @ConfigProperty(name = "cache.ttl.seconds", defaultValue = "300")
  public long cacheTtlSeconds;

  /** How old a live figure (seats left) may be when it is served from memory. */
  @ConfigProperty(name = "live.cache.millis", defaultValue = "1000")
  public long liveCacheMillis;

  /** The most entries each event cache keeps. */
  @ConfigProperty(name = "cache.max.entries", defaultValue = "10000")
  public long cacheMaxEntries;

  /** How often an availability stream's feed looks at its event's seat figures. */
  @ConfigProperty(name = "stream.interval.millis", defaultValue = "1000")
  public long streamIntervalMillis;

  /** How often an idle availability stream sends a comment, so dead clients are noticed. */
  @ConfigProperty(name = "stream.heartbeat.seconds", defaultValue = "15")
  public long streamHeartbeatSeconds;

  /** The most availability streams one server keeps open (each is an open connection). */
  @ConfigProperty(name = "stream.max.subscribers", defaultValue = "10000")
  public int streamMaxSubscribers;

  /** The domain part of the UIDs in the events' iCalendar files. */
  @ConfigProperty(name = "calendar.uid.domain", defaultValue = "boxoffice.events")
  public String calendarUidDomain;
}
