package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.ExternalIdentityClaims;
import org.boxoffice.identity.control.OidcProvider;
import org.boxoffice.identity.control.OidcProviders;
import org.boxoffice.identity.control.TokenIssuer;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.entity.DomainException;

/**
 * Sign-in with an OpenID Connect provider, for the API and the admin pages. The provider is asked
 * (keys, token endpoint) before any transaction begins: no row lock or pooled connection waits on
 * the network. Each refusal is audited ({@code auth.oidc.failure}) and creates nothing.
 */
@ApplicationScoped
public class OidcSignIn {
  @Inject OidcProviders providers;
  @Inject ExternalIdentities identities;
  @Inject TokenIssuer tokens;
  @Inject AuditTrail audit;

  /** A configured provider as the sign-in page and clients see it. */
  public record ProviderView(String name, String label) {}

  /** The configured providers, in the configured order. */
  public List<ProviderView> providers() {
    return providers.all().stream().map(p -> new ProviderView(p.name(), p.label())).toList();
  }

  /**
   * Exchanges an ID token the client got from the provider for Boxoffice tokens: the token is
   * checked (keys, issuer, audience, expiry, nonce), then the account found, linked or created.
   */
  public TokenResponse exchange(String provider, String idToken, String nonce, String totpCode) {
    tokens.checkAvailable();
    OidcProvider found = known(provider);
    ExternalIdentityClaims claims = audited(found, () -> providers.verify(found, idToken, nonce));
    return identities.signIn(found, claims, totpCode);
  }

  /**
   * The first half of the browser's authorization-code flow: the provider's URL to send the browser
   * to, with {@code state}, {@code nonce} and the PKCE challenge of {@code codeVerifier}.
   */
  public URI authorizationUri(
      String provider, URI redirectUri, String state, String nonce, String codeVerifier) {
    OidcProvider found = known(provider);
    return audited(
        found, () -> providers.authorizationUri(found, redirectUri, state, nonce, codeVerifier));
  }

  /**
   * The second half: exchanges the code the provider sent the browser back with and checks the ID
   * token it answers with (nonce included). Returns the proved identity; {@link #signIn} opens the
   * session, after the second factor when the account has one.
   */
  public ExternalIdentityClaims redeemCode(
      String provider, String code, URI redirectUri, String codeVerifier, String nonce) {
    OidcProvider found = known(provider);
    return audited(
        found, () -> providers.exchangeCode(found, code, redirectUri, codeVerifier, nonce));
  }

  /** Opens a session for an identity already proved by {@link #redeemCode}. */
  public TokenResponse signIn(ExternalIdentityClaims claims, String totpCode) {
    tokens.checkAvailable();
    return identities.signIn(known(claims.provider()), claims, totpCode);
  }

  /** Links the identity an ID token proves to the signed-in account. */
  public IdentityView link(long userId, String provider, String idToken, String nonce) {
    OidcProvider found = known(provider);
    ExternalIdentityClaims claims = audited(found, () -> providers.verify(found, idToken, nonce));
    return identities.link(userId, found, claims);
  }

  /** Records a refusal that happened before the provider was asked (a bad or replayed state). */
  public void refusedBeforeProvider(String provider, String code, String why) {
    audit.record("auth.oidc.failure", "provider", provider, code + ": " + why);
  }

  private OidcProvider known(String provider) {
    try {
      return providers.provider(provider);
    } catch (DomainException unknown) {
      audit.record(
          "auth.oidc.failure",
          "provider",
          provider == null ? null : provider.substring(0, Math.min(provider.length(), 40)),
          IdentityErrors.OIDC_PROVIDER_UNKNOWN);
      throw unknown;
    }
  }

  private <T> T audited(OidcProvider provider, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (DomainException refusal) {
      audit.record(
          "auth.oidc.failure",
          "provider",
          provider.name(),
          refusal.code() + ": " + refusal.getMessage());
      throw refusal;
    }
  }
}
