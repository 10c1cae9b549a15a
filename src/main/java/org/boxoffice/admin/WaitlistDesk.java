package org.boxoffice.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.boxoffice.events.boundary.Events;
import org.boxoffice.events.boundary.OwnedEvent;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.waitlist.boundary.WaitlistSummary;
import org.boxoffice.waitlist.boundary.WaitlistView;
import org.boxoffice.waitlist.boundary.Waitlists;

/**
 * The waiting list of one event: its entries in join order (position, quantity, status, offered
 * until), its waiting demand, and closing it.
 */
@Named
@ViewScoped
public class WaitlistDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX = 100;

  @Inject AdminSession session;
  @Inject Waitlists waitlists;
  @Inject Events events;

  private Long eventId;
  private OwnedEvent event;
  private WaitlistSummary summary;
  private List<WaitlistView> entries = List.of();
  private long total;

  /** {@code f:viewAction}: the event named by {@code ?event=}, if the organizer's. */
  public void load() {
    if (eventId == null) {
      FacesMessages.error("No event chosen");
      return;
    }
    try {
      event = events.requireOwned(eventId, session.userId());
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  private void refresh() {
    summary = waitlists.summary(eventId, session.userId());
    var page = waitlists.ofEvent(eventId, session.userId(), 0, MAX);
    // A copy: the view state is serialized with the session, and a page's list may be a view.
    entries = List.copyOf(page.items());
    total = page.total();
  }

  /** Closes the list: no one joins any more, the people waiting are emailed. */
  public void close() {
    try {
      waitlists.close(eventId, session.userId());
      FacesMessages.info("Waiting list closed: the people waiting were told by email.");
      refresh();
    } catch (DomainException refusal) {
      FacesMessages.error(refusal.getMessage());
    }
  }

  public boolean isKnown() {
    return event != null;
  }

  public OwnedEvent getEvent() {
    return event;
  }

  public WaitlistSummary getSummary() {
    return summary;
  }

  public List<WaitlistView> getEntries() {
    return entries;
  }

  public long getTotal() {
    return total;
  }

  public Long getEventId() {
    return eventId;
  }

  public void setEventId(Long eventId) {
    this.eventId = eventId;
  }
}
