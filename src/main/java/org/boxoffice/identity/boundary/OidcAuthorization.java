package org.boxoffice.identity.boundary;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * A browser's authorization-code flow under way with a provider: the secrets its return must match,
 * kept on the server (in the HTTP session) and used once. Serializable, since the admin pages'
 * sessions are persisted in the database.
 *
 * @param state what the provider must send back, proving the return belongs to this start
 * @param nonce what the provider's ID token must carry, proving it was issued for this start
 * @param codeVerifier the PKCE secret whose S256 challenge went with the authorization request
 * @param startedAt when the flow began; a return after {@link #LIFETIME} is refused
 */
public record OidcAuthorization(
    String provider,
    String state,
    String nonce,
    String codeVerifier,
    URI redirectUri,
    URI authorizationUri,
    Instant startedAt)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How long a person may take at the provider's sign-in page. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Whether a returning {@code state} is this flow's, within its lifetime (constant time). */
  public boolean matches(String returnedState, Instant now) {
    return returnedState != null
        && now.isBefore(startedAt.plus(LIFETIME))
        && MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8), returnedState.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "OidcAuthorization[" + provider + ", started " + startedAt + "]";
  }
}
