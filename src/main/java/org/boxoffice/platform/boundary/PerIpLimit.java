package org.boxoffice.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an anonymous entry point (sign-in, registration, password reset) whose requests are limited
 * per client IP by {@link RateLimitFilter}; each {@code value} is its own bucket.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PerIpLimit {
  String value();
}
