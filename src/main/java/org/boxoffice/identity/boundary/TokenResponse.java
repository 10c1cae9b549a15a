package org.boxoffice.identity.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What a successful sign-in returns. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "user"})
public record TokenResponse(
    String accessToken, String tokenType, long expiresIn, String refreshToken, UserView user) {}
