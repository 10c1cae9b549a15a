package org.boxoffice.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boxoffice.platform.control.CorrelationId;

/** Gives every request a correlation id, echoes it in the response and scopes log lines to it. */
public class CorrelationIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = CorrelationId.acceptOrGenerate(request.getHeader(CorrelationId.HEADER));
    request.setAttribute(CorrelationId.REQUEST_ATTRIBUTE, id);
    response.setHeader(CorrelationId.HEADER, id);
    CorrelationId.begin(id);
    try {
      chain.doFilter(request, response);
    } finally {
      CorrelationId.end();
    }
  }
}
