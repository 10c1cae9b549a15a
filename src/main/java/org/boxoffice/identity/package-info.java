/**
 * Identity owns accounts, password hashing, access tokens (RS256 JWT), refresh sessions, roles,
 * TOTP second factors, email verification and password reset, sign-in with OpenID Connect providers
 * (their identities as (provider, subject), never matched by email alone), and the access rule
 * every resource method must state ({@link org.boxoffice.identity.boundary.AccessControl}: deny by
 * default).
 *
 * <p>It never stores a password, a refresh token, an emailed token or a TOTP secret in clear (TOTP
 * secrets are encrypted, the rest hashed), never logs a password or a token, and is the only
 * feature that reads the {@code users} and {@code sessions} tables: other features know a user by
 * id and by the claims of the token. A provider's ID token is trusted only once the Nimbus SDK has
 * checked it against the provider's published keys, issuer, audience, expiry and nonce; no
 * transaction is open while a provider is asked.
 */
package org.boxoffice.identity;
