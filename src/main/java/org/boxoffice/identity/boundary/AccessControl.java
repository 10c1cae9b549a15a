package org.boxoffice.identity.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.boxoffice.identity.control.IdentitySettings;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.boundary.Envelope;
import org.boxoffice.platform.boundary.ErrorCodes;
import org.boxoffice.platform.control.CorrelationId;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Enforces {@code @PermitAll}, {@code @DenyAll} and {@code @RolesAllowed} on every resource method
 * (the method's annotation beats the class's) before Liberty's own check runs, so refusals carry
 * the error envelope: no valid token or an ended session → 401 UNAUTHENTICATED with {@code
 * WWW-Authenticate: Bearer}; wrong role → 403 FORBIDDEN. A method with no rule at all is refused
 * with 403: access is denied by default. An invalid token on a {@code @PermitAll} method is ignored
 * (the request proceeds anonymously), as Liberty does.
 */
@Provider
@ApplicationScoped
public class AccessControl implements DynamicFeature {
  /** Before Liberty's LibertyAuthFilter (AUTHORIZATION + 1), which answers 401 with no body. */
  static final int PRIORITY = Priorities.AUTHORIZATION - 10;

  @Inject @ConfigProperties IdentitySettings settings;

  /** Reads the settings when the filters are made, at deployment, rather than on every request. */
  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    context.register(
        new RuleFilter(Rule.of(resource.getResourceMethod()), settings.totpRequiredForAdmin),
        PRIORITY);
  }

  /** The access rule of one resource method. */
  record Rule(Kind kind, Set<String> roles) {
    enum Kind {
      PERMIT_ALL,
      DENY_ALL,
      ROLES,
      NO_RULE
    }

    static Rule of(Method method) {
      Rule rule = declaredOn(method);
      return rule != null ? rule : declaredOn(method.getDeclaringClass());
    }

    private static Rule declaredOn(AnnotatedElement element) {
      if (element.isAnnotationPresent(DenyAll.class)) {
        return new Rule(Kind.DENY_ALL, Set.of());
      }
      RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
      if (roles != null) {
        return new Rule(Kind.ROLES, Set.of(roles.value()));
      }
      if (element.isAnnotationPresent(PermitAll.class)) {
        return new Rule(Kind.PERMIT_ALL, Set.of());
      }
      return element instanceof Class<?> ? new Rule(Kind.NO_RULE, Set.of()) : null;
    }
  }

  static final class RuleFilter implements ContainerRequestFilter {
    private static volatile SessionRevocations revocations;
    private static volatile Caller caller;
    private final Rule rule;
    private final boolean adminNeedsSecondFactor;

    RuleFilter(Rule rule, boolean adminNeedsSecondFactor) {
      this.rule = rule;
      this.adminNeedsSecondFactor = adminNeedsSecondFactor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      switch (rule.kind()) {
        case PERMIT_ALL -> {
          return;
        }
        case DENY_ALL, NO_RULE -> {
          request.abortWith(refusal(403, ErrorCodes.FORBIDDEN, "Not allowed"));
          return;
        }
        case ROLES -> check(request);
      }
    }

    private void check(ContainerRequestContext request) {
      Caller current = caller();
      if (!current.isSignedIn() || !hasLiveSession(current)) {
        request.abortWith(
            refusal(
                401,
                ErrorCodes.UNAUTHENTICATED,
                "Authentication required: send a valid bearer token"));
        return;
      }
      if (current.roles().stream().noneMatch(rule.roles()::contains)) {
        request.abortWith(refusal(403, ErrorCodes.FORBIDDEN, "Your role may not do this"));
        return;
      }
      if (rule.roles().equals(Set.of("ADMIN"))
          && adminNeedsSecondFactor
          && !current.usedSecondFactor()) {
        request.abortWith(
            refusal(
                403,
                IdentityErrors.TOTP_ENROLLMENT_REQUIRED,
                "Admins must sign in with TOTP (POST /me/totp)"));
      }
    }

    /** An API token was found live in the database while this request was authenticated. */
    private static boolean hasLiveSession(Caller current) {
      if (current.viaApiToken()) {
        return true;
      }
      return current
          .sessionId()
          .map(sid -> revocations().isActive(sid, current.userId()))
          .orElse(false);
    }

    /** The application-scoped bean's proxy, looked up once rather than on every request. */
    private static SessionRevocations revocations() {
      SessionRevocations found = revocations;
      if (found == null) {
        found = CDI.current().select(SessionRevocations.class).get();
        revocations = found;
      }
      return found;
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

    private static Response refusal(int status, String code, String message) {
      Response.ResponseBuilder builder =
          Response.status(status)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  Envelope.failure(
                      new Envelope.Error(code, message, List.of()), CorrelationId.current()));
      if (status == 401) {
        builder.header("WWW-Authenticate", "Bearer realm=\"boxoffice\"");
      }
      return builder.build();
    }
  }
}
