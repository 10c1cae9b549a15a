package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/verify-email}: the token from the email. */
public record TokenRequest(@NotBlank @Size(max = 128) String token) {}
