package org.boxoffice.integrations.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.boxoffice.integrations.entity.ApiScope;

/**
 * The scope an API token needs for this resource method (or every method of the class that does not
 * name its own). A method with none refuses API tokens altogether; JWT callers are not concerned.
 * Enforced by {@link ScopeEnforcement}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TokenScope {
  ApiScope value();
}
