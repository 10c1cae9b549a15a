package org.boxoffice.integrations.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code POST /me/api-tokens}: a name to recognise the token by, its scopes ({@code events:read},
 * {@code events:write}, {@code bookings:read}, {@code bookings:write}, {@code checkins:write}) and
 * an optional expiry in the future.
 */
public record ApiTokenRequest(
    @NotBlank @Size(max = 100) String name,
    @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 40) String> scopes,
    OffsetDateTime expiresAt) {}
