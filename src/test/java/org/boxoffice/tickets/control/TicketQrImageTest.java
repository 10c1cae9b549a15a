package org.boxoffice.tickets.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.Image;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The QR code printed on a ticket PDF is a small grey image that still scans as the signed code.
 */
class TicketQrImageTest {
  private static final String CODE = "BX1.42.TKT-7QH2-K9PX.c2lnbmF0dXJlLW9mLXRoZS10aWNrZXQ";

  @Test
  void the_pdf_qr_image_decodes_to_the_ticket_code() throws Exception {
    Image qr = TicketImages.qrImage(CODE);

    assertThat(decode(qr, 4)).isEqualTo(CODE);
  }

  @Test
  void the_pdf_qr_image_has_one_pixel_a_module() {
    Image qr = TicketImages.qrImage(CODE);

    int width = (int) qr.getWidth();
    assertThat(width).isEqualTo(TicketImages.qrMatrix(CODE, 0).getWidth()).isLessThan(100);
    assertThat(qr.getBpc()).isEqualTo(8);
    assertThat(qr.getRawData()).hasSize(width * (int) qr.getHeight());
  }

  @Test
  void a_ticket_pdf_with_many_tickets_is_still_a_pdf() {
    TicketImages.Printable ticket =
        new TicketImages.Printable("Gig", "Sat", "Hall", "Ann Bo", "TKT-7QH2-K9PX", CODE);

    byte[] pdf = TicketImages.pdf(List.of(ticket, ticket, ticket));

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  /** Reads the grey image back, each pixel drawn {@code scale} times over. */
  private static String decode(Image qr, int scale) throws Exception {
    int width = (int) qr.getWidth();
    int height = (int) qr.getHeight();
    byte[] grey = qr.getRawData();
    int[] pixels = new int[width * scale * height * scale];
    for (int y = 0; y < height * scale; y++) {
      for (int x = 0; x < width * scale; x++) {
        int mx = x / scale;
        int my = y / scale;
        boolean white = grey[my * width + mx] != 0;
        pixels[y * width * scale + x] = white ? 0xFFFFFFFF : 0xFF000000;
      }
    }
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(width * scale, height * scale, pixels))))
        .getText();
  }
}
