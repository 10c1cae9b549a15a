package org.boxoffice.privacy.boundary;

import jakarta.validation.constraints.Size;

/**
 * {@code DELETE /me}: proof that the account's owner asks, again: the password, or a current TOTP
 * code (or a recovery code) of an account with two-factor sign-in.
 */
public record ErasureRequest(@Size(max = 200) String password, @Size(max = 40) String totpCode) {}
