package org.boxoffice.platform.control;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's IP address. {@code X-Forwarded-For} is believed only when the operator says a
 * trusted proxy sets it ({@code boxoffice.trust.forwarded.for=true}); otherwise any client could
 * pick its own address and dodge per-IP limits.
 */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(HttpServletRequest request, boolean trustForwardedFor) {
    if (request == null) {
      return null;
    }
    if (trustForwardedFor) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",", 2)[0].strip();
        if (first.length() <= 64 && first.matches("[0-9A-Fa-f.:]+")) {
          return first;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
