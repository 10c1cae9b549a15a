package org.boxoffice.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.EnvelopeJson;

/**
 * Some refusals are made by the container with a bare status and no body (a 405 for a method no
 * resource takes, for one). This filter notices an error status that nobody wrote a body for and
 * writes the error envelope, so every API error reads the same.
 */
public class ErrorBodyFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BodyTracking tracked = new BodyTracking(response);
    chain.doFilter(request, tracked);
    int status = tracked.getStatus();
    if (status >= 400 && !tracked.bodyStarted && !response.isCommitted()) {
      String code =
          switch (status) {
            case 401 -> ErrorCodes.UNAUTHENTICATED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            default -> status >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.BAD_REQUEST;
          };
      String message =
          switch (status) {
            case 401 -> "Authentication required: send a valid bearer token";
            case 403 -> "Not allowed";
            default -> "The request could not be processed";
          };
      EnvelopeJson.writeError(
          response,
          status,
          code,
          message,
          List.of(),
          (String) request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE));
    }
  }

  private static final class BodyTracking extends HttpServletResponseWrapper {
    private boolean bodyStarted;

    BodyTracking(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }
  }
}
