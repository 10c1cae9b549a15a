package org.boxoffice.media;

import org.boxoffice.it.support.Api;
import org.boxoffice.it.support.ApiResponse;

/** The organizer's image commands besides the upload. */
final class Organizers {
  private Organizers() {}

  static ApiResponse deleteImage(Api api, long eventId) {
    return api.delete("/events/" + eventId + "/image");
  }
}
