package org.boxoffice.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Makes the verified bearer token the API request's JAX-RS security context, before anything else
 * of JAX-RS runs: the access rules ({@link AccessControl}, then Liberty's own {@code @RolesAllowed}
 * filter), the rate limiter and the resources all read the caller from it.
 *
 * <p>{@link BoxofficeAuthentication} verifies the token and leaves it on the request instead of
 * handing it to the container: Liberty's login of a caller builds a security subject with its
 * credentials on every request, which the API never reads (it was about a tenth of a booking's
 * CPU). The admin pages still sign in through the container.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerSecurityContext implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    TokenPrincipal token = TokenPrincipal.of(servletRequest);
    if (token != null) {
      request.setSecurityContext(new Bearer(token, request.getSecurityContext().isSecure()));
    }
  }

  /** The caller of a request with a valid bearer token, and the token's groups as its roles. */
  private record Bearer(TokenPrincipal token, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return token;
    }

    @Override
    public boolean isUserInRole(String role) {
      return token.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
