package org.boxoffice.media.control;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG's APP1 segment, so the image is turned the way
 * the camera meant before its metadata is dropped. 1 (as stored) when there is none or it cannot be
 * read.
 */
final class ExifOrientation {
  private ExifOrientation() {}

  static int of(byte[] jpeg) {
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        break; // start of scan: no metadata after it
      }
      int length = u16(jpeg, i + 2, true);
      if (length < 2) {
        break;
      }
      if (marker == 0xE1 && isExif(jpeg, i + 4)) {
        return inTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
      }
      i += 2 + length;
    }
    return 1;
  }

  private static boolean isExif(byte[] b, int at) {
    return at + 6 <= b.length
        && b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  private static int inTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    boolean bigEndian;
    if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      bigEndian = true;
    } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      bigEndian = false;
    } else {
      return 1;
    }
    long ifd = u32(b, tiff + 4, bigEndian);
    if (ifd < 8 || tiff + ifd + 2 > end) {
      return 1;
    }
    int at = (int) (tiff + ifd);
    int entries = u16(b, at, bigEndian);
    for (int e = 0; e < entries; e++) {
      int entry = at + 2 + e * 12;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, bigEndian) == 0x0112) {
        int value = u16(b, entry + 8, bigEndian);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int at, boolean bigEndian) {
    int hi = b[at] & 0xFF;
    int lo = b[at + 1] & 0xFF;
    return bigEndian ? hi << 8 | lo : lo << 8 | hi;
  }

  private static long u32(byte[] b, int at, boolean bigEndian) {
    long value = 0;
    for (int k = 0; k < 4; k++) {
      int octet = b[bigEndian ? at + k : at + 3 - k] & 0xFF;
      value = value << 8 | octet;
    }
    return value;
  }
}
