package org.boxoffice.integrations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import org.boxoffice.identity.boundary.Caller;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.platform.boundary.Envelope;
import org.boxoffice.platform.control.CorrelationId;

/**
 * Narrows a request made with an API token to the token's scopes: the resource method's {@link
 * TokenScope} (the method's beats the class's) must be one of them, and a method with none refuses
 * every token: 403 {@code INSUFFICIENT_SCOPE}. It runs before the access rules, so a token learns
 * nothing about an operation outside its scopes; requests with an access token (JWT) or none pass
 * untouched, and the role rules apply after it to every caller alike.
 */
@Provider
@ApplicationScoped
public class ScopeEnforcement implements DynamicFeature {
  public static final String INSUFFICIENT_SCOPE = "INSUFFICIENT_SCOPE";

  /** Before the access rules (AccessControl, AUTHORIZATION - 10). */
  static final int PRIORITY = Priorities.AUTHORIZATION - 20;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    context.register(new ScopeFilter(scopeOf(resource.getResourceMethod())), PRIORITY);
  }

  static ApiScope scopeOf(Method method) {
    TokenScope scope = method.getAnnotation(TokenScope.class);
    if (scope == null) {
      scope = method.getDeclaringClass().getAnnotation(TokenScope.class);
    }
    return scope == null ? null : scope.value();
  }

  static final class ScopeFilter implements ContainerRequestFilter {
    private static volatile Caller caller;
    private final ApiScope required;

    ScopeFilter(ApiScope required) {
      this.required = required;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Caller current = caller();
      if (!current.viaApiToken()
          || current.hasScope(required == null ? null : required.wireName())) {
        return;
      }
      String message =
          required == null
              ? "API tokens may not do this; sign in instead"
              : "This API token lacks the scope " + required.wireName();
      request.abortWith(
          Response.status(403)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .header(
                  "WWW-Authenticate",
                  "Bearer realm=\"boxoffice\", error=\"insufficient_scope\""
                      + (required == null ? "" : ", scope=\"" + required.wireName() + "\""))
              .entity(
                  Envelope.failure(
                      new Envelope.Error(INSUFFICIENT_SCOPE, message, List.of()),
                      CorrelationId.current()))
              .build());
    }

    /** The request-scoped bean's proxy: one for every request, each reaching its own caller. */
    private static Caller caller() {
      Caller found = caller;
      if (found == null) {
        found = CDI.current().select(Caller.class).get();
        caller = found;
      }
      return found;
    }
  }
}
