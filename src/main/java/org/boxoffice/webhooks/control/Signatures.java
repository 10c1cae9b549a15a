package org.boxoffice.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification: {@code webhook-signature} is a space-separated
 * list of {@code v1,<base64 HMAC-SHA256>} over {@code <webhook-id>.<webhook-timestamp>.<body>}, one
 * per valid secret; a secret is {@code whsec_} followed by the base64 of its key bytes.
 */
public final class Signatures {
  public static final String SECRET_PREFIX = "whsec_";
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** A new secret of 256 random bits. */
  public static String newSecret() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} value: one {@code v1,} signature per secret, in order. */
  public static String header(String messageId, long timestamp, String body, List<String> secrets) {
    return secrets.stream()
        .map(secret -> "v1," + sign(messageId, timestamp, body, secret))
        .collect(Collectors.joining(" "));
  }

  /** The base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's key. */
  public static String sign(String messageId, long timestamp, String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
