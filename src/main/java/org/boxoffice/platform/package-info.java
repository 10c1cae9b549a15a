/**
 * Platform plumbing shared by every feature: the JAX-RS application, the response envelope and
 * error mapping, correlation ids, security headers and CORS, request size limits, schema migrations
 * at start-up, health checks and the clock.
 *
 * <p>The platform owns no business data and never calls into a feature; features depend on it,
 * never the other way round.
 */
package org.boxoffice.platform;
