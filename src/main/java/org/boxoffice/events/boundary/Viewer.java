package org.boxoffice.events.boundary;

import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, when a public endpoint was called with a token. */
final class Viewer {
  private Viewer() {}

  /** The caller's user id, or null when anonymous. */
  static Long idOf(Principal caller) {
    if (!(caller instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
      return null;
    }
    try {
      return Long.parseLong(jwt.getSubject());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
