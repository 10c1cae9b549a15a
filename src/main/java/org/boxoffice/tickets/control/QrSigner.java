package org.boxoffice.tickets.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The QR payload of a ticket: {@code BX1.<ticket id>.<ticket number>.<HMAC-SHA256>}, the MAC over
 * everything before it, base64url. Verifying needs only the keys: a forged or altered code is
 * refused before any database is asked. Codes are signed with the current key; during a key
 * rotation codes signed with a previous key (printed tickets) still verify.
 */
public final class QrSigner {
  private static final String VERSION = "BX1";
  private static final Pattern CODE =
      Pattern.compile(
          "BX1\\.([1-9][0-9]{0,17})\\.(BX-[0-9A-Z]{4}-[0-9A-Z]{4})\\.([A-Za-z0-9_-]{43})");

  private final byte[] key;
  private final List<byte[]> previousKeys;

  public QrSigner(byte[] key) {
    this(key, List.of());
  }

  public QrSigner(byte[] key, List<byte[]> previousKeys) {
    this.key = checked(key);
    this.previousKeys = previousKeys.stream().map(QrSigner::checked).toList();
  }

  private static byte[] checked(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a QR signing key needs at least 32 bytes");
    }
    return key.clone();
  }

  /** What a genuine code says. */
  public record Claim(long ticketId, String ticketNumber) {}

  public String sign(long ticketId, String ticketNumber) {
    String body = VERSION + "." + ticketId + "." + ticketNumber;
    return body + "." + mac(key, body);
  }

  /** The claim of a genuine code; empty for anything malformed, forged or altered. */
  public Optional<Claim> verify(String code) {
    if (code == null || code.length() > 100) {
      return Optional.empty();
    }
    Matcher m = CODE.matcher(code);
    if (!m.matches()) {
      return Optional.empty();
    }
    String body = VERSION + "." + m.group(1) + "." + m.group(2);
    byte[] given = m.group(3).getBytes(StandardCharsets.US_ASCII);
    boolean genuine = signedWith(key, body, given);
    for (byte[] previous : previousKeys) {
      genuine |= signedWith(previous, body, given);
    }
    if (!genuine) {
      return Optional.empty();
    }
    return Optional.of(new Claim(Long.parseLong(m.group(1)), m.group(2)));
  }

  private static boolean signedWith(byte[] key, String body, byte[] given) {
    return MessageDigest.isEqual(mac(key, body).getBytes(StandardCharsets.US_ASCII), given);
  }

  private static String mac(byte[] key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
