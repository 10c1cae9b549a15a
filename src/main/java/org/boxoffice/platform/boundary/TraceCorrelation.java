package org.boxoffice.platform.boundary;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.boxoffice.platform.control.CorrelationId;

/**
 * Puts the correlation id on the request's trace span, so a trace (booking → payment →
 * confirmation) and the JSON log lines of the same request can be found from either side. The span
 * is MicroProfile Telemetry's server span; with telemetry off (the default, until the standard
 * {@code OTEL_*} variables turn it on) it is a no-op.
 */
@Provider
public class TraceCorrelation implements ContainerRequestFilter {
  static final String ATTRIBUTE = "boxoffice.correlation_id";

  @Override
  public void filter(ContainerRequestContext request) {
    Span.current().setAttribute(ATTRIBUTE, CorrelationId.current());
  }
}
