package org.boxoffice.platform.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.boxoffice.platform.boundary.Envelope;

/**
 * Writes an error envelope straight to a servlet response, for refusals that happen before JAX-RS
 * is reached (filters, the container's error pages).
 */
public final class EnvelopeJson {
  private static final Jsonb JSONB = JsonbBuilder.create();

  private EnvelopeJson() {}

  public static void writeError(
      HttpServletResponse response,
      int status,
      String code,
      String message,
      List<Envelope.FieldError> details,
      String correlationId)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            JSONB.toJson(
                Envelope.failure(new Envelope.Error(code, message, details), correlationId)));
    response.flushBuffer();
  }
}
