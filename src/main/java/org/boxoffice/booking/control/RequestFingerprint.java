package org.boxoffice.booking.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request in a canonical form, so that an Idempotency-Key is replayed only for the
 * same request, however its JSON was spaced or ordered.
 */
public final class RequestFingerprint {
  private RequestFingerprint() {}

  /** Each part is written as its length and its text, so no two part lists collide. */
  public static String of(String... parts) {
    StringBuilder canonical = new StringBuilder();
    for (String part : parts) {
      String text = part == null ? "" : part;
      canonical.append(part == null ? -1 : text.length()).append(':').append(text).append(';');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
