package org.boxoffice.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.boxoffice.platform.control.CorrelationId;
import org.boxoffice.platform.control.EnvelopeJson;
import org.boxoffice.platform.control.PlatformSettings;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Security headers on every response, and CORS for the origins an operator allows (none by default:
 * the admin pages are same-origin and API clients are not browsers).
 */
public class SecurityHeadersFilter extends HttpFilter {
  @Inject @ConfigProperties PlatformSettings settings;
  private static final long serialVersionUID = 1L;

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  /** A nonce in a policy PrimeFaces (CSP mode) sets on the admin pages it renders. */
  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]{8,128})'");

  private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Idempotency-Key, X-Correlation-ID";

  private Set<String> allowedOrigins;

  @Override
  public void init() {
    allowedOrigins =
        Arrays.stream(settings.corsOrigins.orElse("").split(","))
            .map(String::strip)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && allowedOrigins.contains(origin);
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.setHeader("Access-Control-Expose-Headers", CorrelationId.HEADER + ", Retry-After");
      response.addHeader("Vary", "Origin");
    }
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      if (!allowed) {
        EnvelopeJson.writeError(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            ErrorCodes.FORBIDDEN,
            "Origin not allowed",
            List.of(),
            (String) request.getAttribute(CorrelationId.REQUEST_ATTRIBUTE));
        return;
      }
      response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      response.setHeader("Access-Control-Max-Age", "600");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(
        request,
        request.getRequestURI().startsWith(request.getContextPath() + "/api/")
            ? response
            : new NoncePolicyResponse(response));
  }

  /** The strict policy, letting also the scripts that carry this per-response nonce run. */
  static String policyWithNonce(String nonce) {
    return CONTENT_SECURITY_POLICY.replace(
        "script-src 'self';", "script-src 'self' 'nonce-" + nonce + "';");
  }

  /**
   * Faces pages (admin and attendee): PrimeFaces in CSP mode moves its scripts into blocks carrying
   * a per-response nonce and adds a policy header naming it. Two policy headers would both be
   * enforced (and ours, without the nonce, would block those scripts), so its header is replaced by
   * our strict policy plus its nonce; a header without a nonce leaves the strict policy alone.
   */
  private static final class NoncePolicyResponse extends HttpServletResponseWrapper {
    NoncePolicyResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!takePolicy(name, value)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!takePolicy(name, value)) {
        super.addHeader(name, value);
      }
    }

    /** True when the header is a policy: then only its nonce is kept, in our strict policy. */
    private boolean takePolicy(String name, String value) {
      if (name == null || !name.toLowerCase(Locale.ROOT).startsWith("content-security-policy")) {
        return false;
      }
      Matcher nonce = NONCE.matcher(value == null ? "" : value);
      if (nonce.find()) {
        super.setHeader("Content-Security-Policy", policyWithNonce(nonce.group(1)));
      }
      return true;
    }
  }
}
