package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/register}. The password policy is checked by {@link Accounts}. */
public record RegisterRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull @Size(max = 128) String password,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Pattern(regexp = "ATTENDEE|ORGANIZER", message = "must be ATTENDEE or ORGANIZER")
        String accountType) {}
