/**
 * Integrations own what lets an organizer's other tools talk to Boxoffice: API tokens (named,
 * scoped, revocable secrets for {@code Authorization: Bearer}).
 *
 * <p>A token's secret is shown once and stored only as its SHA-256; it is checked against the
 * database on every request, so a revocation holds on every replica at once. A token acts with its
 * owner's role and ownership rules, narrowed to its scopes ({@link
 * org.boxoffice.integrations.boundary.TokenScope} on each resource method, enforced by {@link
 * org.boxoffice.integrations.boundary.ScopeEnforcement}); an operation that names no scope refuses
 * every token, so a token can never mint tokens, change its owner's account or open the admin
 * pages. The OpenAPI document shows each operation's scope as {@code x-token-scope}, written from
 * the same annotation ({@link org.boxoffice.integrations.boundary.TokenScopesDocumented}).
 */
package org.boxoffice.integrations;
