package org.boxoffice.identity.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA-1, 30-second steps, 6 digits, one step of clock
 * drift accepted either way (what Google Authenticator and its peers do).
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Totp() {}

  /** A new 160-bit secret, base32. */
  public static String newSecret() {
    return Base32.encode(Secrets.randomBytes(20));
  }

  /** The code for a Unix time, with the given number of digits (RFC 6238 uses 8 in its vectors). */
  public static String code(byte[] key, long unixSeconds, int digits) {
    return hotp(key, Math.floorDiv(unixSeconds, STEP_SECONDS), digits);
  }

  /**
   * The time step whose code {@code candidate} is: this step, the one before or the one after;
   * empty when it is none of them. The caller refuses a step it accepted before (replay).
   */
  public static OptionalLong matchingStep(String base32Secret, String candidate, long unixSeconds) {
    if (candidate == null || !candidate.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = Base32.decode(base32Secret);
    long step = Math.floorDiv(unixSeconds, STEP_SECONDS);
    long matched = -1;
    for (long s = step - 1; s <= step + 1; s++) {
      // Compare every candidate step in constant time: no early exit that timing could reveal.
      if (MessageDigest.isEqual(hotp(key, s, DIGITS).getBytes(), candidate.getBytes())) {
        matched = s;
      }
    }
    return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /** The {@code otpauth://} URI an authenticator app reads from a QR code. */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  static String hotp(byte[] key, long counter, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      String code = Integer.toString(binary % POWERS[digits]);
      return "0".repeat(digits - code.length()) + code;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
