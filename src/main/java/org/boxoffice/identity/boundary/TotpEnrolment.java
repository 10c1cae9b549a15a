package org.boxoffice.identity.boundary;

import java.util.List;

/** What {@code POST /me/totp} returns, once: the secret and the recovery codes in clear. */
public record TotpEnrolment(String otpauthUri, String secret, List<String> recoveryCodes) {}
