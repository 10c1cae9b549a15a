package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /auth/oidc/{provider}} and {@code POST /me/identities/{provider}}: the ID token the
 * client got from the provider, the nonce it sent in its authentication request (when it sent one),
 * and the authenticator code for an account with 2FA.
 */
public record OidcTokenRequest(
    @NotBlank @Size(max = 16384) String idToken,
    @Size(max = 255) String nonce,
    @Size(max = 16) String totpCode) {}
