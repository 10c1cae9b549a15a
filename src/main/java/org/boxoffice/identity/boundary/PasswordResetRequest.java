package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-reset}. */
public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {}
