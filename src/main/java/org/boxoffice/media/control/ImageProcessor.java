package org.boxoffice.media.control;

import static org.boxoffice.media.entity.MediaErrors.IMAGE_DIMENSIONS_TOO_LARGE;
import static org.boxoffice.media.entity.MediaErrors.IMAGE_TYPE_UNSUPPORTED;
import static org.boxoffice.media.entity.MediaErrors.IMAGE_UNREADABLE;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.boxoffice.media.entity.Rendition;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/**
 * Turns uploaded bytes into the renditions of an event image: the format is decided from the bytes
 * alone; the pixel count is read from the header and checked before a single pixel is decoded; the
 * image is decoded (TwelveMonkeys' JPEG and WebP readers, the JDK's PNG reader), turned as its EXIF
 * orientation says, and re-encoded at each rendition's width with Thumbnailator. Re-encoding writes
 * pixels only, so EXIF (GPS positions included), comments and any payload hidden in the file are
 * gone. Renditions are only ever made smaller, never upscaled.
 */
public final class ImageProcessor {
  private static final float JPEG_QUALITY = 0.85f;

  static {
    // Registered by hand rather than by ImageIO's classpath scan, which in an application server
    // sees the server's class loader, not the WAR's.
    IIORegistry registry = IIORegistry.getDefaultInstance();
    registry.registerServiceProvider(
        new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi());
    registry.registerServiceProvider(
        new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi());
  }

  /** One rendition, encoded. */
  public record Output(Rendition rendition, byte[] bytes) {}

  /** What an upload became: its hash, the content type of its renditions, and the renditions. */
  public record Processed(String hash, String contentType, List<Output> outputs) {
    public List<Rendition> renditions() {
      return outputs.stream().map(Output::rendition).toList();
    }
  }

  private final long maxPixels;

  public ImageProcessor(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /** The SHA-256 of the bytes, in hex: the name of an image's objects. */
  public static String hashOf(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks the bytes are a whole JPEG, PNG or WebP of acceptable dimensions; refuses them with 422
   * otherwise. Answers the format.
   */
  public ImageFormat inspect(byte[] bytes) {
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(
                () ->
                    refused(
                        IMAGE_TYPE_UNSUPPORTED,
                        "The image must be a JPEG, PNG or WebP file (SVG and other types are not"
                            + " accepted)"));
    if (!format.complete(bytes)) {
      throw refused(IMAGE_UNREADABLE, "The image is truncated or corrupt");
    }
    return format;
  }

  /** Decodes, orients, resizes and re-encodes the upload into its renditions. */
  public Processed process(byte[] bytes) {
    ImageFormat format = inspect(bytes);
    BufferedImage decoded = decode(bytes, format);
    BufferedImage image =
        format == ImageFormat.JPEG ? orient(decoded, ExifOrientation.of(bytes)) : decoded;
    boolean alpha = image.getColorModel().hasAlpha() && format != ImageFormat.JPEG;
    String contentType = alpha ? "image/png" : "image/jpeg";
    BufferedImage opaque = alpha ? image : onWhite(image);
    List<Output> outputs = new ArrayList<>();
    for (Rendition target : Rendition.TARGETS) {
      int width = Math.min(target.width(), opaque.getWidth());
      int height =
          Math.max(1, (int) Math.round((double) opaque.getHeight() * width / opaque.getWidth()));
      outputs.add(
          new Output(
              new Rendition(target.name(), width, height), encode(opaque, width, height, alpha)));
    }
    return new Processed(hashOf(bytes), contentType, outputs);
  }

  private BufferedImage decode(byte[] bytes, ImageFormat format) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(format);
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw refused(IMAGE_UNREADABLE, "The image is truncated or corrupt");
        }
        if ((long) width * height > maxPixels) {
          throw refused(
              IMAGE_DIMENSIONS_TOO_LARGE,
              "The image is %d × %d pixels; at most %d pixels are accepted"
                  .formatted(width, height, maxPixels));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // A very wide photo is read at half (a third, ...) of its pixels: the largest rendition
        // still gets at least twice its own width to scale down from, and memory stays bounded.
        int step = Math.max(1, width / (2 * Rendition.TARGETS.get(0).width()));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw refused(IMAGE_UNREADABLE, "The image is truncated or corrupt");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (DomainException refusal) {
      throw refusal;
    } catch (IOException | RuntimeException e) {
      // Decoders report damaged input with anything from IIOException to index errors.
      throw refused(IMAGE_UNREADABLE, "The image is truncated or corrupt");
    }
  }

  private static ImageReader readerFor(ImageFormat format) {
    String name = format.name().toLowerCase(Locale.ROOT);
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + name);
    }
    return readers.next();
  }

  /** The image turned as EXIF orientation 1 to 8 says (TIFF 6.0's tag 274). */
  static BufferedImage orient(BufferedImage image, int orientation) {
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
          default -> null;
        };
    if (t == null) {
      return image;
    }
    boolean swap = orientation >= 5;
    BufferedImage turned =
        new BufferedImage(
            swap ? h : w,
            swap ? w : h,
            image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = turned.createGraphics();
    try {
      g.drawImage(image, t, null);
    } finally {
      g.dispose();
    }
    return turned;
  }

  /** An RGB copy with any transparency on white, for JPEG (which has no alpha channel). */
  private static BufferedImage onWhite(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static byte[] encode(BufferedImage image, int width, int height, boolean png) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      var builder = Thumbnails.of(image).forceSize(width, height);
      if (png) {
        builder.outputFormat("png").toOutputStream(out);
      } else {
        builder.outputFormat("jpg").outputQuality(JPEG_QUALITY).toOutputStream(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a rendition", e);
    }
    return out.toByteArray();
  }

  private static DomainException refused(String code, String message) {
    return new DomainException(
        DomainException.Kind.REFUSED, code, message, List.of(new FieldDetail("image", message)));
  }
}
