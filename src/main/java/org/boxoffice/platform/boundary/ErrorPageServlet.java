package org.boxoffice.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.EnvelopeJson;

/**
 * The container's error page (see web.xml): errors raised outside JAX-RS, such as an unknown path,
 * a refused authentication or a URL the container rejects, still get the error envelope and never a
 * stack trace.
 */
@WebServlet(name = "errorPage", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = statusAttribute instanceof Integer code ? code : 404;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable t) {
      LOG.log(Level.SEVERE, "request failed in the container", t);
    }
    String code =
        switch (status) {
          case 400 -> ErrorCodes.BAD_REQUEST;
          case 401 -> ErrorCodes.UNAUTHENTICATED;
          case 403 -> ErrorCodes.FORBIDDEN;
          case 404 -> ErrorCodes.NOT_FOUND;
          case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
          case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
          case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
          case 503 -> ErrorCodes.DATABASE_UNAVAILABLE;
          default -> status >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.BAD_REQUEST;
        };
    String message =
        switch (status) {
          case 401 -> "Authentication required";
          case 403 -> "Not allowed";
          case 404 -> "No such resource";
          default -> status >= 500 ? "Something went wrong on our side" : "Bad request";
        };
    // A URL the container refuses outright never passed the correlation filter: give it an id.
    String correlationId = (String) request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE);
    if (correlationId == null) {
      correlationId = CorrelationId.acceptOrGenerate(request.getHeader(CorrelationId.HEADER));
      response.setHeader(CorrelationId.HEADER, correlationId);
    }
    if (status == 503 && response.getHeader("Retry-After") == null) {
      response.setHeader("Retry-After", ErrorResponses.DATABASE_RETRY_AFTER_SECONDS);
    }
    EnvelopeJson.writeError(response, status, code, message, List.of(), correlationId);
  }
}
