package org.boxoffice.identity.boundary;

import jakarta.validation.constraints.Size;

/** {@code POST /auth/refresh}: the refresh token, unless the cookie carries it. */
public record RefreshRequest(@Size(max = 128) String refreshToken) {}
