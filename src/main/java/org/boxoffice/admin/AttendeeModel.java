package org.boxoffice.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.boxoffice.booking.boundary.Attendee;
import org.boxoffice.booking.boundary.OrganizerViews;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The holders of an event's confirmed bookings, one page at a time from {@code
 * OrganizerViews.attendees}. A search (name or email) filters the whole list in memory: the booking
 * feature knows no names, and identity offers no search, so this is the one way that keeps to the
 * boundaries.
 */
class AttendeeModel extends LazyDataModel<Attendee> {
  private static final long serialVersionUID = 1L;

  private final OrganizerViews views;
  private final long eventId;
  private final long organizerId;
  private final Supplier<String> search;

  AttendeeModel(OrganizerViews views, long eventId, long organizerId, Supplier<String> search) {
    this.views = views;
    this.eventId = eventId;
    this.organizerId = organizerId;
    this.search = search;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    String q = query();
    if (q.isEmpty()) {
      return (int) views.attendees(eventId, organizerId, 0, 1).total();
    }
    return matching(q).size();
  }

  @Override
  public List<Attendee> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String q = query();
    if (q.isEmpty()) {
      return views.attendees(eventId, organizerId, first / pageSize, pageSize).items();
    }
    List<Attendee> found = matching(q);
    // A copy: the table keeps the page in the view state, which the session store serializes,
    // and a sublist view of an immutable list is not serializable.
    return List.copyOf(
        found.subList(Math.min(first, found.size()), Math.min(first + pageSize, found.size())));
  }

  @Override
  public String getRowKey(Attendee attendee) {
    return String.valueOf(attendee.bookingId());
  }

  private List<Attendee> matching(String q) {
    return views.allAttendees(eventId, organizerId).stream()
        .filter(
            a ->
                a.name().toLowerCase(Locale.ROOT).contains(q)
                    || a.email().toLowerCase(Locale.ROOT).contains(q)
                    || String.valueOf(a.bookingId()).equals(q))
        .toList();
  }

  private String query() {
    String q = search.get();
    return q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
  }
}
