package org.boxoffice.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.EnvelopeJson;

/** Until the schema is migrated, API and admin requests get 503 instead of half-working. */
public class DatabaseGateFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject SchemaMigrations migrations;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!migrations.isComplete()) {
      response.setHeader("Retry-After", ErrorResponses.DATABASE_RETRY_AFTER_SECONDS);
      EnvelopeJson.writeError(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          ErrorCodes.DATABASE_UNAVAILABLE,
          "The database is unavailable; try again shortly",
          List.of(),
          (String) request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE));
      return;
    }
    chain.doFilter(request, response);
  }
}
