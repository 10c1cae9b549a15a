package org.boxoffice.payments.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ECPay's {@code CheckMacValue}, as its all-in-one payment API documents it: the parameters
 * (without {@code CheckMacValue} itself) sorted by name, A to Z ignoring case, joined as {@code
 * name=value&...}, wrapped in {@code HashKey=...&} and {@code &HashIV=...}, URL-encoded the way
 * .NET's {@code HttpUtility.UrlEncode} does it, lower-cased, hashed (SHA-256 for payments, MD5 for
 * a few older APIs) and written in upper-case hex. A pure function: no state, no configuration.
 */
public final class CheckMacValue {
  /** The name of the parameter that carries the value; never part of its own input. */
  public static final String PARAMETER = "CheckMacValue";

  /** The hash of an API: SHA-256 ({@code EncryptType=1}) for payments; MD5 for older ones. */
  public enum Hash {
    SHA256("SHA-256"),
    MD5("MD5");

    private final String algorithm;

    Hash(String algorithm) {
      this.algorithm = algorithm;
    }
  }

  private CheckMacValue() {}

  /** The SHA-256 value of these parameters. */
  public static String of(Map<String, String> parameters, String hashKey, String hashIv) {
    return of(parameters, hashKey, hashIv, Hash.SHA256);
  }

  public static String of(
      Map<String, String> parameters, String hashKey, String hashIv, Hash hash) {
    return hex(digest(hash, encoded(parameters, hashKey, hashIv)));
  }

  /**
   * Whether {@code parameters} carry a {@code CheckMacValue} that matches the rest of them;
   * compared in constant time, so a forger learns nothing from how long a refusal took.
   */
  public static boolean verifies(Map<String, String> parameters, String hashKey, String hashIv) {
    String given = parameters.get(PARAMETER);
    if (given == null || given.isEmpty()) {
      return false;
    }
    String expected = of(parameters, hashKey, hashIv);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }

  /** Steps 1 to 4 of ECPay's recipe: sorted, wrapped, URL-encoded and lower-cased. */
  static String encoded(Map<String, String> parameters, String hashKey, String hashIv) {
    Map<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    parameters.forEach(
        (name, value) -> {
          if (!PARAMETER.equalsIgnoreCase(name)) {
            sorted.put(name, value == null ? "" : value);
          }
        });
    StringBuilder plain = new StringBuilder("HashKey=").append(hashKey);
    sorted.forEach((name, value) -> plain.append('&').append(name).append('=').append(value));
    plain.append("&HashIV=").append(hashIv);
    return dotNetUrlEncode(plain.toString()).toLowerCase(Locale.ROOT);
  }

  /**
   * URL-encoding as .NET's {@code HttpUtility.UrlEncode}, the table ECPay's documentation calls
   * ".NET 編碼(ecpay)": like Java's form encoding (space as {@code +}; letters, digits and {@code
   * -_.*} kept), except that .NET also keeps {@code !}, {@code (} and {@code )}.
   */
  static String dotNetUrlEncode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("%21", "!")
        .replace("%28", "(")
        .replace("%29", ")");
  }

  private static byte[] digest(Hash hash, String text) {
    try {
      return MessageDigest.getInstance(hash.algorithm)
          .digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + hash.algorithm, e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
