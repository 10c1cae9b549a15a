package org.boxoffice.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body (RFC 7578), as a browser's form sends it. */
public final class MultipartForm {
  private MultipartForm() {}

  public static final String BOUNDARY = "----boxoffice-test-7d1f";

  /** The Content-Type that names {@link #BOUNDARY}. */
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  /** One part: its name, declared type and file name (either may be null), and its bytes. */
  public record Part(String name, String contentType, String fileName, byte[] bytes) {}

  /** The body with these parts. */
  public static byte[] of(Part... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\n");
      head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\n");
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }
}
