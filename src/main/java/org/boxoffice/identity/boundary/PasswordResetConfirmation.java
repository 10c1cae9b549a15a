package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-reset/confirm}; the password policy is checked by the service. */
public record PasswordResetConfirmation(
    @NotBlank @Size(max = 128) String token, @NotNull @Size(max = 128) String newPassword) {}
