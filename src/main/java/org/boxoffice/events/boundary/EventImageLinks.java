package org.boxoffice.events.boundary;

import java.util.Optional;

/**
 * What events asks of the media feature to put an event's image on its view; media implements it.
 * Called inside the transaction that reads the event.
 */
public interface EventImageLinks {
  Optional<EventImageView> of(long eventId);
}
