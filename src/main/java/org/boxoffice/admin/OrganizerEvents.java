package org.boxoffice.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.boxoffice.events.boundary.Catalog;
import org.boxoffice.events.boundary.EventSummary;
import org.boxoffice.platform.boundary.Page;

/** The signed-in organizer's events, every status, as the pages list them. */
@ApplicationScoped
class OrganizerEvents {
  /** More events than any organizer runs at once; the pages filter in memory below this. */
  static final int LIMIT = 1_000;

  private static final int PAGE = 100;

  @Inject Catalog catalog;

  List<EventSummary> of(long organizerId) {
    List<EventSummary> all = new ArrayList<>();
    for (int page = 0; all.size() < LIMIT; page++) {
      Page<EventSummary> slice = catalog.organizerEvents(organizerId, page, PAGE);
      all.addAll(slice.items());
      if (slice.items().size() < PAGE) {
        break;
      }
    }
    return all;
  }
}
