package org.boxoffice.identity.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What a provider asserted about a person in an ID token that passed every check (signature by the
 * provider's published keys, issuer, audience, expiry, nonce): the pair (provider, subject) is the
 * identity; the rest describes it.
 */
public record ExternalIdentityClaims(
    String provider,
    String subject,
    String email,
    boolean emailVerified,
    String givenName,
    String familyName,
    List<String> groups)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
