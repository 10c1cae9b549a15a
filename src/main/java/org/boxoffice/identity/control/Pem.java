package org.boxoffice.identity.control;

import java.util.Base64;

/** Reads and writes the PEM text form of DER-encoded keys. */
final class Pem {
  static final String PUBLIC = "PUBLIC KEY";
  static final String PRIVATE = "PRIVATE KEY";

  private Pem() {}

  static String encode(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return String.format("-----BEGIN %s-----%n%s%n-----END %s-----%n", type, body, type);
  }

  /** The DER bytes of a PEM block; accepts the block with or without its armour lines. */
  static byte[] decode(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
