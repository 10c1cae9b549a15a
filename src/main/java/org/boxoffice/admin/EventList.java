package org.boxoffice.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.boxoffice.events.boundary.EventSummary;
import org.boxoffice.events.entity.EventStatus;

/** The organizer's events, filtered by text and status. */
@Named
@ViewScoped
public class EventList implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AdminSession session;
  @Inject OrganizerEvents organizerEvents;

  private List<EventSummary> all;
  private String query;
  private String status;

  @PostConstruct
  void load() {
    all = organizerEvents.of(session.userId());
  }

  public List<EventSummary> getEvents() {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(e -> status == null || status.isEmpty() || status.equals(e.status().name()))
        .filter(
            e ->
                q.isEmpty()
                    || e.title().toLowerCase(Locale.ROOT).contains(q)
                    || e.location().toLowerCase(Locale.ROOT).contains(q))
        .toList();
  }

  public List<String> getStatuses() {
    return Stream.of(EventStatus.values()).map(Enum::name).toList();
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
