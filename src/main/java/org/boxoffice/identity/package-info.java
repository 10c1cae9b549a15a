/**
 * Identity owns accounts, password hashing, access tokens (RS256 JWT), refresh sessions, roles,
 * TOTP second factors, email verification and password reset, and the access rule every resource
 * method must state ({@link org.boxoffice.identity.boundary.AccessControl}: deny by default).
 *
 * <p>It never stores a password, a refresh token, an emailed token or a TOTP secret in clear (TOTP
 * secrets are encrypted, the rest hashed), never logs a password or a token, and is the only
 * feature that reads the {@code users} and {@code sessions} tables: other features know a user by
 * id and by the claims of the token.
 */
package org.boxoffice.identity;
