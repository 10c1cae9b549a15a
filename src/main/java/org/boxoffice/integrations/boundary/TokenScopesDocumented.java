package org.boxoffice.integrations.boundary;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Writes each operation's {@link TokenScope} into the OpenAPI document as {@code x-token-scope}:
 * the scope an API token needs for it, read by reflection from the same annotation {@link
 * ScopeEnforcement} enforces, so the document cannot say otherwise. An operation without the
 * extension refuses API tokens. Matched by operationId, which every scoped resource method names.
 * Registered as {@code mp.openapi.filter}.
 */
public class TokenScopesDocumented implements OASFilter {
  public static final String EXTENSION = "x-token-scope";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    Map<String, ApiScope> scopes = scopesByOperationId();
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        ApiScope scope = scopes.get(operation.getOperationId());
        if (scope != null) {
          operation.addExtension(EXTENSION, scope.wireName());
        }
      }
    }
  }

  /**
   * Every JAX-RS resource here is a CDI bean (each has a bean-defining scope annotation), so the
   * bean manager finds them all; one that were not would lose its x-token-scope, and ApiTokensIT
   * would fail.
   */
  private static Map<String, ApiScope> scopesByOperationId() {
    Map<String, ApiScope> scopes = new HashMap<>();
    for (Bean<?> bean :
        CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      if (!type.isAnnotationPresent(Path.class)) {
        continue;
      }
      for (Method method : type.getMethods()) {
        org.eclipse.microprofile.openapi.annotations.Operation operation =
            method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        ApiScope scope = ScopeEnforcement.scopeOf(method);
        if (operation != null && scope != null && isResourceMethod(method)) {
          scopes.put(operation.operationId(), scope);
        }
      }
    }
    return scopes;
  }

  private static boolean isResourceMethod(Method method) {
    return Arrays.stream(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }
}
