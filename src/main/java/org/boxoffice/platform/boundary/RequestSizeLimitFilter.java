package org.boxoffice.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.boxoffice.platform.control.BodyTooLargeException;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.EnvelopeJson;
import org.boxoffice.platform.control.PlatformSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Refuses request bodies over the configured limit with 413, whether the client announced the
 * length or streams the body chunked, so a huge body can never exhaust memory. An event image
 * upload ({@code PUT /api/v1/events/{id}/image}) has its own, larger limit.
 */
public class RequestSizeLimitFilter extends HttpFilter {
  @Inject @ConfigProperties PlatformSettings settings;
  private static final long serialVersionUID = 1L;
  private static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;
  private static final Pattern IMAGE_UPLOAD = Pattern.compile("/api/v1/events/[^/]+/image/?");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request, limit), response);
    } catch (BodyTooLargeException e) {
      refuse(request, response, limit);
    }
  }

  private long limitOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String type = request.getContentType();
    boolean multipart =
        type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    if ("PUT".equals(request.getMethod()) && IMAGE_UPLOAD.matcher(path).matches()) {
      // As the body, or as the part of a form (the part's own limit is checked by the resource).
      return Math.max(
          settings.imageMaxBytes + (multipart ? MULTIPART_OVERHEAD_BYTES : 0),
          settings.maxBodyBytes);
    }
    // The admin event editor's image upload: the image plus the form's other fields.
    if ("POST".equals(request.getMethod()) && path.startsWith("/admin/") && multipart) {
      return Math.max(settings.imageMaxBytes + MULTIPART_OVERHEAD_BYTES, settings.maxBodyBytes);
    }
    return settings.maxBodyBytes;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    EnvelopeJson.writeError(
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        ErrorCodes.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + limit + " bytes",
        List.of(),
        (String) request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE));
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
