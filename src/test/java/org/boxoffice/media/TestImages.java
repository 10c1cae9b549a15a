package org.boxoffice.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Test images made in the test: JPEG and PNG written by ImageIO, an EXIF block (orientation and a
 * GPS position) assembled byte by byte, a PNG header claiming a huge size, and damaged files.
 */
public final class TestImages {
  /** The GPS latitude written into {@link #withExif}: 48° 51' 29" N (as rationals). */
  public static final int[] LATITUDE = {48, 1, 51, 1, 29, 1};

  /** A marker string in the EXIF block, to look for in the output. */
  public static final String CAMERA = "BoxofficeTestCam";

  private TestImages() {}

  /** A landscape picture: left half red, right half blue. */
  public static byte[] jpeg(int width, int height) {
    return write(halves(width, height, BufferedImage.TYPE_INT_RGB, Color.RED, Color.BLUE), "jpg");
  }

  /** Like {@link #jpeg} with another colour on the right, so its bytes (and hash) differ. */
  public static byte[] otherJpeg(int width, int height) {
    return write(halves(width, height, BufferedImage.TYPE_INT_RGB, Color.RED, Color.GREEN), "jpg");
  }

  /** A PNG with transparency on its right half. */
  public static byte[] png(int width, int height) {
    return write(
        halves(width, height, BufferedImage.TYPE_INT_ARGB, Color.RED, new Color(0, 0, 255, 0)),
        "png");
  }

  private static BufferedImage halves(int width, int height, int type, Color left, Color right) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(left);
    g.fillRect(0, 0, width / 2, height);
    g.setComposite(java.awt.AlphaComposite.Src);
    g.setColor(right);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The JPEG with an EXIF APP1 segment right after its SOI: IFD0 with Orientation, Model ({@link
   * #CAMERA}) and a pointer to a GPS IFD holding latitude and longitude. Big-endian TIFF.
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(256);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    // IFD0 at 8: three entries, then the next-IFD offset (0).
    int ifd0 = 8;
    int ifd0Size = 2 + 3 * 12 + 4;
    int modelAt = ifd0 + ifd0Size;
    byte[] model = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
    int gpsAt = modelAt + model.length + (model.length % 2);
    tiff.putShort((short) 3);
    entry(tiff, 0x0110, 2, model.length, modelAt); // Model, ASCII
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    entry(tiff, 0x8825, 4, 1, gpsAt); // GPS IFD pointer
    tiff.putInt(0);
    tiff.put(model);
    if (model.length % 2 == 1) {
      tiff.put((byte) 0);
    }
    // GPS IFD: four entries; the rationals follow it.
    int gpsSize = 2 + 4 * 12 + 4;
    int latAt = gpsAt + gpsSize;
    int lonAt = latAt + 24;
    tiff.putShort((short) 4);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    entry(tiff, 2, 5, 3, latAt);
    tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    entry(tiff, 4, 5, 3, lonAt);
    tiff.putInt(0);
    for (int v : LATITUDE) {
      tiff.putInt(v);
    }
    for (int v : new int[] {2, 1, 17, 1, 40, 1}) {
      tiff.putInt(v);
    }
    byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    int length = 2 + 6 + tiffBytes.length;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
  }

  /** A valid PNG header (IHDR, an empty IDAT, IEND) claiming width × height pixels. */
  public static byte[] pngClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * A real WebP file from {@code src/test/resources/images} (made with {@code cwebp}, see the
   * README there): {@code event-1200x800-lossy.webp} (opaque, red left, blue right, a white disc in
   * the middle) or {@code event-1200x800-lossless-alpha.webp} (red left, transparent right).
   */
  public static byte[] webp(String name) {
    try (var in = TestImages.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test image " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first part of a file, as an interrupted upload leaves it. */
  public static byte[] truncated(byte[] image) {
    return Arrays.copyOf(image, image.length / 2);
  }

  public static byte[] svg() {
    return """
        <?xml version="1.0"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <script>alert(1)</script><rect width="100" height="100" fill="red"/>
        </svg>
        """
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The JPEG segment markers before the image data (APPn, DQT, ...), e.g. 0xE0 for JFIF. */
  public static List<Integer> jpegMarkers(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
      int marker = jpeg[i + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
    }
    return markers;
  }

  /** Whether {@code needle} occurs in {@code bytes}. */
  public static boolean contains(byte[] bytes, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  public static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalArgumentException("not an image ImageIO reads");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
