package org.boxoffice.tickets.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A ticket's QR code as a PNG, and printable tickets as a PDF (one A6 page per ticket). */
public final class TicketImages {
  private static final int QR_PIXELS = 360;

  private TicketImages() {}

  /** One ticket as printed: what it admits to, and its signed code. */
  public record Printable(
      String eventTitle,
      String when,
      String where,
      String holder,
      String ticketNumber,
      String code) {}

  public static byte[] qrPng(String payload) {
    try {
      BitMatrix matrix = qrMatrix(payload, QR_PIXELS);
      BufferedImage image =
          new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The QR code for the PDF: a grey image of one pixel per module (0 black, 255 white), which the
   * PDF scales up. No PNG is encoded (and decoded again by the PDF writer) and no large bitmap is
   * drawn pixel by pixel: those were most of the CPU of a confirmation email.
   */
  static Image qrImage(String payload) {
    BitMatrix matrix = qrMatrix(payload, 0);
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    byte[] grey = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        grey[y * width + x] = matrix.get(x, y) ? 0 : (byte) 0xFF;
      }
    }
    try {
      return Image.getInstance(width, height, 1, 8, grey);
    } catch (BadElementException e) {
      throw new IllegalStateException("cannot make the QR image", e);
    }
  }

  /**
   * The code's modules, scaled to at least {@code pixels} wide (0: one pixel a module). The mask
   * pattern is fixed: any of the eight reads the same, and trying all eight to score them was most
   * of the cost of a QR code (ticket codes are short and printed large, so the best-scoring mask
   * buys nothing at the door).
   */
  static BitMatrix qrMatrix(String payload, int pixels) {
    try {
      return new QRCodeWriter()
          .encode(
              payload,
              BarcodeFormat.QR_CODE,
              pixels,
              pixels,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  2,
                  EncodeHintType.QR_MASK_PATTERN,
                  0));
    } catch (WriterException e) {
      throw new IllegalStateException("cannot encode a QR code", e);
    }
  }

  public static byte[] pdf(List<Printable> tickets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf(tickets, out);
    return out.toByteArray();
  }

  /** The tickets' PDF, one a page, written to {@code out} as it is made. */
  public static void pdf(List<Printable> tickets, OutputStream out) {
    Document document = new Document(PageSize.A6, 24, 24, 24, 24);
    try {
      PdfWriter.getInstance(document, out);
      document.open();
      Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
      Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
      boolean first = true;
      for (Printable ticket : tickets) {
        if (!first) {
          document.newPage();
        }
        first = false;
        document.add(new Paragraph(ticket.eventTitle(), title));
        document.add(new Paragraph(ticket.when(), text));
        document.add(new Paragraph(ticket.where(), text));
        document.add(new Paragraph(ticket.holder(), text));
        Image qr = qrImage(ticket.code());
        qr.scaleToFit(180, 180);
        qr.setAlignment(Element.ALIGN_CENTER);
        document.add(qr);
        Paragraph number = new Paragraph(ticket.ticketNumber(), title);
        number.setAlignment(Element.ALIGN_CENTER);
        document.add(number);
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("cannot write the ticket PDF", e);
    }
  }
}
