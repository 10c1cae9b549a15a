package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /me}: the fields to change, each optional. A new email is confirmed by a link sent
 * to it before it replaces the current one. {@code locale}: the language of the account's emails,
 * one of {@code Languages.TAGS}.
 */
public record ProfileChange(
    @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
    @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
    @Email @Size(max = 254) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String email,
    @Pattern(regexp = "(?i)en|zh-TW", message = "must be one of: en, zh-TW") String locale) {}
