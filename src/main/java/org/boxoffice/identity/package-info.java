/**
 * Identity owns accounts, password hashing, access tokens (RS256 JWT) and roles.
 *
 * <p>It never stores a password or a refresh token in clear, never logs either, and is the only
 * feature that reads the {@code users} table: other features know a user by id and by the claims of
 * the token.
 */
package org.boxoffice.identity;
