package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A TOTP code (6 digits) or a recovery code. */
public record CodeRequest(@NotBlank @Size(max = 16) String code) {}
