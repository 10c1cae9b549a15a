package org.boxoffice.media.control;

import java.util.Optional;

/** The formats accepted for upload, recognised by their first bytes and structure only. */
public enum ImageFormat {
  JPEG,
  PNG,
  WEBP;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** The format the bytes are in, whatever a header or a file name says; empty for any other. */
  public static Optional<ImageFormat> sniff(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xFF
        && (bytes[1] & 0xFF) == 0xD8
        && (bytes[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, PNG_SIGNATURE, 0)) {
      return Optional.of(PNG);
    }
    if (bytes.length >= 12
        && startsWith(bytes, new byte[] {'R', 'I', 'F', 'F'}, 0)
        && startsWith(bytes, new byte[] {'W', 'E', 'B', 'P'}, 8)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /**
   * Whether the bytes end the way a whole file of this format ends: a JPEG with its end-of-image
   * marker, a PNG with its IEND chunk, a WebP whose RIFF size covers the file. Decoders fill a cut
   * image with grey rather than fail, so truncation is caught here.
   */
  boolean complete(byte[] bytes) {
    int n = bytes.length;
    return switch (this) {
      case JPEG -> n >= 4 && (bytes[n - 2] & 0xFF) == 0xFF && (bytes[n - 1] & 0xFF) == 0xD9;
      case PNG ->
          n >= 20
              && startsWith(
                  bytes,
                  new byte[] {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82},
                  n - 8);
      case WEBP -> {
        long riffSize =
            (bytes[4] & 0xFFL)
                | (bytes[5] & 0xFFL) << 8
                | (bytes[6] & 0xFFL) << 16
                | (bytes[7] & 0xFFL) << 24;
        yield riffSize + 8 == n || riffSize + 9 == n;
      }
    };
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
    if (at < 0 || bytes.length < at + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
