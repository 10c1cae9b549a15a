package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/login}. */
public record LoginRequest(
    @NotBlank @Size(max = 254) String email,
    @NotBlank @Size(max = 128) String password,
    @Size(max = 16) String totpCode) {}
