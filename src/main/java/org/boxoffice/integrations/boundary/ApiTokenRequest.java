package org.boxoffice.integrations.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /me/api-tokens}: a name to recognise the token by, its scopes (the wire names of
 * {@link org.boxoffice.integrations.entity.ApiScope}, e.g. {@code events:read}) and an optional
 * expiry in the future.
 */
public record ApiTokenRequest(
    @NotBlank @Size(max = 100) String name,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> scopes,
    OffsetDateTime expiresAt) {}
