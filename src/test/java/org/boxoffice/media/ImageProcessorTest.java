package org.boxoffice.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.boxoffice.media.control.ImageFormat;
import org.boxoffice.media.control.ImageProcessor;
import org.boxoffice.media.entity.Rendition;
import org.boxoffice.platform.entity.DomainException;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {
  private final ImageProcessor processor = new ImageProcessor(20_000_000);

  @Test
  void a_large_jpeg_becomes_three_renditions_of_1600_800_and_320_pixels_wide() {
    ImageProcessor.Processed done = processor.process(TestImages.jpeg(2400, 1200));

    assertThat(done.contentType()).isEqualTo("image/jpeg");
    assertThat(done.renditions())
        .containsExactly(
            new Rendition("large", 1600, 800),
            new Rendition("medium", 800, 400),
            new Rendition("small", 320, 160));
    for (ImageProcessor.Output output : done.outputs()) {
      BufferedImage decoded = TestImages.decode(output.bytes());
      assertThat(decoded.getWidth()).isEqualTo(output.rendition().width());
      assertThat(decoded.getHeight()).isEqualTo(output.rendition().height());
    }
  }

  @Test
  void a_small_image_is_never_upscaled() {
    ImageProcessor.Processed done = processor.process(TestImages.jpeg(500, 250));

    assertThat(done.renditions()).extracting(Rendition::width).containsExactly(500, 500, 320);
    assertThat(TestImages.decode(done.outputs().get(0).bytes()).getWidth()).isEqualTo(500);
  }

  @Test
  void exif_and_its_gps_position_are_gone_from_every_rendition() {
    byte[] upload = TestImages.withExif(TestImages.jpeg(1000, 500), 1);
    assertThat(TestImages.jpegMarkers(upload)).contains(0xE1);
    assertThat(TestImages.contains(upload, TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII)))
        .isTrue();

    for (ImageProcessor.Output output : processor.process(upload).outputs()) {
      assertThat(TestImages.jpegMarkers(output.bytes())).doesNotContain(0xE1);
      assertThat(TestImages.contains(output.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)))
          .isFalse();
      assertThat(
              TestImages.contains(
                  output.bytes(), TestImages.CAMERA.getBytes(StandardCharsets.US_ASCII)))
          .isFalse();
    }
  }

  @Test
  void the_exif_orientation_is_honoured_before_the_metadata_is_dropped() {
    // Stored landscape, red left and blue right; orientation 6 says "turn 90° clockwise".
    byte[] upload = TestImages.withExif(TestImages.jpeg(400, 200), 6);

    ImageProcessor.Output large = processor.process(upload).outputs().get(0);

    assertThat(large.rendition()).isEqualTo(new Rendition("large", 200, 400));
    BufferedImage turned = TestImages.decode(large.bytes());
    assertThat(turned.getWidth()).isEqualTo(200);
    assertThat(turned.getHeight()).isEqualTo(400);
    assertThat(reddish(turned.getRGB(100, 100))).isTrue();
    assertThat(reddish(turned.getRGB(100, 300))).isFalse();
  }

  private static boolean reddish(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() > 200 && c.getBlue() < 60;
  }

  @Test
  void a_png_with_transparency_stays_a_png() {
    ImageProcessor.Processed done = processor.process(TestImages.png(900, 300));

    assertThat(done.contentType()).isEqualTo("image/png");
    BufferedImage small = TestImages.decode(done.outputs().get(2).bytes());
    assertThat(small.getColorModel().hasAlpha()).isTrue();
    assertThat(small.getWidth()).isEqualTo(320);
  }

  @Test
  void the_type_comes_from_the_bytes() {
    assertThat(ImageFormat.sniff(TestImages.jpeg(10, 10))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.sniff(TestImages.png(10, 10))).contains(ImageFormat.PNG);
    assertThat(ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8L".getBytes(StandardCharsets.US_ASCII)))
        .contains(ImageFormat.WEBP);
    assertThat(ImageFormat.sniff(TestImages.svg())).isEmpty();
    assertThat(ImageFormat.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void webp_can_be_decoded_here() {
    assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
  }

  @Test
  void a_lossy_webp_becomes_three_jpeg_renditions_with_its_pixels() {
    byte[] webp = TestImages.webp("event-1200x800-lossy.webp");
    assertThat(ImageFormat.sniff(webp)).contains(ImageFormat.WEBP);

    ImageProcessor.Processed done = processor.process(webp);

    // Opaque, so JPEG; 1200 wide stays 1200 for large (never upscaled).
    assertThat(done.contentType()).isEqualTo("image/jpeg");
    assertThat(done.renditions())
        .containsExactly(
            new Rendition("large", 1200, 800),
            new Rendition("medium", 800, 533),
            new Rendition("small", 320, 213));
    for (ImageProcessor.Output output : done.outputs()) {
      assertThat(ImageFormat.sniff(output.bytes())).contains(ImageFormat.JPEG);
      BufferedImage decoded = TestImages.decode(output.bytes());
      int w = decoded.getWidth();
      int h = decoded.getHeight();
      assertThat(w).isEqualTo(output.rendition().width());
      assertThat(h).isEqualTo(output.rendition().height());
      // The picture itself came through: red on the left, blue on the right, white in the middle.
      assertThat(new Color(decoded.getRGB(w / 8, h / 2))).satisfies(c -> assertRed(c));
      assertThat(new Color(decoded.getRGB(w * 7 / 8, h / 2))).satisfies(c -> assertBlue(c));
      assertThat(new Color(decoded.getRGB(w / 2, h / 2))).satisfies(c -> assertWhite(c));
    }
  }

  @Test
  void a_lossless_webp_with_transparency_becomes_png_renditions_keeping_it() {
    ImageProcessor.Processed done =
        processor.process(TestImages.webp("event-1200x800-lossless-alpha.webp"));

    assertThat(done.contentType()).isEqualTo("image/png");
    assertThat(done.renditions()).extracting(Rendition::width).containsExactly(1200, 800, 320);
    for (ImageProcessor.Output output : done.outputs()) {
      assertThat(ImageFormat.sniff(output.bytes())).contains(ImageFormat.PNG);
      BufferedImage decoded = TestImages.decode(output.bytes());
      assertThat(decoded.getWidth()).isEqualTo(output.rendition().width());
      assertThat(decoded.getHeight()).isEqualTo(output.rendition().height());
      assertThat(decoded.getColorModel().hasAlpha()).isTrue();
      int y = decoded.getHeight() / 2;
      assertThat(decoded.getRGB(decoded.getWidth() / 8, y) >>> 24).isEqualTo(255);
      assertThat(new Color(decoded.getRGB(decoded.getWidth() / 8, y))).satisfies(c -> assertRed(c));
      assertThat(decoded.getRGB(decoded.getWidth() * 7 / 8, y) >>> 24).isZero();
    }
  }

  @Test
  void a_truncated_webp_is_refused() {
    byte[] webp = TestImages.webp("event-1200x800-lossy.webp");
    assertRefused(TestImages.truncated(webp), "IMAGE_UNREADABLE");
    assertRefused(
        TestImages.truncated(TestImages.webp("event-1200x800-lossless-alpha.webp")),
        "IMAGE_UNREADABLE");
  }

  @Test
  void a_webp_cut_in_half_with_its_riff_size_made_to_match_is_refused_by_the_decoder() {
    // Gets past the size check: the decoder itself must fail on the missing image data.
    byte[] cut = TestImages.truncated(TestImages.webp("event-1200x800-lossy.webp"));
    ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(4, cut.length - 8);
    assertRefused(cut, "IMAGE_UNREADABLE");
  }

  private static void assertRed(Color c) {
    assertThat(c.getRed()).as(c.toString()).isGreaterThan(200);
    assertThat(c.getGreen()).as(c.toString()).isLessThan(60);
    assertThat(c.getBlue()).as(c.toString()).isLessThan(60);
  }

  private static void assertBlue(Color c) {
    assertThat(c.getRed()).as(c.toString()).isLessThan(60);
    assertThat(c.getGreen()).as(c.toString()).isLessThan(60);
    assertThat(c.getBlue()).as(c.toString()).isGreaterThan(200);
  }

  private static void assertWhite(Color c) {
    assertThat(c.getRed()).as(c.toString()).isGreaterThan(220);
    assertThat(c.getGreen()).as(c.toString()).isGreaterThan(220);
    assertThat(c.getBlue()).as(c.toString()).isGreaterThan(220);
  }

  @Test
  void an_svg_is_refused() {
    assertRefused(TestImages.svg(), "IMAGE_TYPE_UNSUPPORTED");
  }

  @Test
  void a_truncated_jpeg_or_png_is_refused() {
    assertRefused(TestImages.truncated(TestImages.jpeg(800, 600)), "IMAGE_UNREADABLE");
    assertRefused(TestImages.truncated(TestImages.png(800, 600)), "IMAGE_UNREADABLE");
  }

  @Test
  void a_corrupt_png_is_refused() {
    byte[] png = TestImages.png(300, 300);
    for (int i = 60; i < png.length - 20; i++) {
      png[i] = (byte) 0x5A;
    }
    assertRefused(png, "IMAGE_UNREADABLE");
  }

  @Test
  void a_decompression_bomb_is_refused_from_its_header() {
    assertRefused(TestImages.pngClaiming(100_000, 100_000), "IMAGE_DIMENSIONS_TOO_LARGE");
  }

  @Test
  void a_webp_header_without_an_image_is_refused() {
    byte[] riff = "RIFF\u0004\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(riff, "IMAGE_UNREADABLE");
  }

  private void assertRefused(byte[] bytes, String code) {
    assertThatThrownBy(() -> processor.process(bytes))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.kind()).isEqualTo(DomainException.Kind.REFUSED);
              assertThat(e.details()).extracting(d -> d.field()).containsExactly("image");
            });
  }

  @Test
  void renditions_round_trip_through_their_column() {
    List<Rendition> renditions =
        List.of(new Rendition("large", 1600, 900), new Rendition("small", 320, 180));
    assertThat(Rendition.decode(Rendition.encode(renditions))).isEqualTo(renditions);
  }
}
