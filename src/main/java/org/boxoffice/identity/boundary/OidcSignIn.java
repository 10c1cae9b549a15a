package org.boxoffice.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.control.IdTokenUse;
import org.boxoffice.identity.control.OidcProvider;
import org.boxoffice.identity.control.OidcProviders;
import org.boxoffice.identity.control.OidcSettings;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.identity.control.TokenIssuer;
import org.boxoffice.identity.entity.ExternalIdentityClaims;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.eclipse.microprofile.config.inject.ConfigProperties;

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
  @Inject Clock clock;
  @Inject @ConfigProperties OidcSettings settings;

  /** Where providers send the browser back to; the redirect URI to register with them. */
  public static final String CALLBACK_PATH = "/admin/oidc/callback";

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
    IdTokenUse use = IdTokenUse.of(found.name(), idToken);
    return replayAudited(found, () -> identities.signIn(found, claims, use, totpCode));
  }

  /**
   * The first half of the browser's authorization-code flow: fresh {@code state}, {@code nonce} and
   * PKCE verifier, and the provider's URL to send the browser to. The caller keeps the result on
   * the server and hands it back to {@link #redeemCode} with what the provider returned.
   */
  public OidcAuthorization begin(String provider, URI requestCallback) {
    OidcProvider found = known(provider);
    URI redirectUri =
        settings
            .redirectBaseUrl
            .map(base -> URI.create(base.replaceAll("/+$", "") + CALLBACK_PATH))
            .orElse(requestCallback);
    String state = Secrets.newToken();
    String nonce = Secrets.newToken();
    // RFC 7636: 43 to 128 characters of [A-Za-z0-9-._~]; 32 random bytes in base64url are 43.
    String verifier = Secrets.newToken();
    URI uri =
        audited(
            found, () -> providers.authorizationUri(found, redirectUri, state, nonce, verifier));
    return new OidcAuthorization(
        found.name(), state, nonce, verifier, redirectUri, uri, clock.instant());
  }

  /**
   * The second half: the provider sent the browser back with {@code code} and {@code state}. The
   * state must be the flow's (else 400 {@code OIDC_STATE_INVALID}); the code is exchanged with the
   * PKCE verifier and the ID token it brings checked, nonce included. Returns the proved identity;
   * {@link #signIn} opens the session, after the second factor when the account has one.
   */
  public ExternalIdentityClaims redeem(OidcAuthorization flow, String code, String state) {
    if (flow == null || !flow.matches(state, clock.instant())) {
      String provider = flow == null ? "unknown" : flow.provider();
      refusedBeforeProvider(
          provider, IdentityErrors.OIDC_STATE_INVALID, "no sign-in under way with this state");
      throw new DomainException(
          DomainException.Kind.INVALID,
          IdentityErrors.OIDC_STATE_INVALID,
          "This sign-in is not under way any more (expired, or already used)",
          List.of(new FieldDetail("state", "does not belong to a sign-in under way")));
    }
    if (code == null || code.isBlank() || code.length() > 2048) {
      refusedBeforeProvider(
          flow.provider(), IdentityErrors.OIDC_CODE_INVALID, "no authorization code");
      throw new DomainException(
          DomainException.Kind.INVALID,
          IdentityErrors.OIDC_CODE_INVALID,
          "The provider sent no authorization code",
          List.of(new FieldDetail("code", "is required")));
    }
    return redeemCode(flow.provider(), code, flow.redirectUri(), flow.codeVerifier(), flow.nonce());
  }

  /** Exchanges the code and checks the ID token it brings. */
  ExternalIdentityClaims redeemCode(
      String provider, String code, URI redirectUri, String codeVerifier, String nonce) {
    OidcProvider found = known(provider);
    return audited(
        found, () -> providers.exchangeCode(found, code, redirectUri, codeVerifier, nonce));
  }

  /** Opens a session for an identity already proved by {@link #redeem}. */
  public TokenResponse signIn(ExternalIdentityClaims claims, String totpCode) {
    tokens.checkAvailable();
    // The code flow's ID token came from the provider to this server, for a code used once.
    return identities.signIn(known(claims.provider()), claims, null, totpCode);
  }

  /** Links the identity an ID token proves to the signed-in account. */
  public IdentityView link(long userId, String provider, String idToken, String nonce) {
    OidcProvider found = known(provider);
    ExternalIdentityClaims claims = audited(found, () -> providers.verify(found, idToken, nonce));
    IdTokenUse use = IdTokenUse.of(found.name(), idToken);
    return replayAudited(found, () -> identities.link(userId, found, claims, use));
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

  /** Audits a replayed ID token (the transaction that found it wrote nothing, audit included). */
  private <T> T replayAudited(OidcProvider provider, Supplier<T> call) {
    return audited(
        provider, call, refusal -> IdentityErrors.OIDC_TOKEN_REPLAYED.equals(refusal.code()));
  }

  private <T> T audited(OidcProvider provider, Supplier<T> call) {
    return audited(provider, call, refusal -> true);
  }

  private <T> T audited(
      OidcProvider provider, Supplier<T> call, Predicate<DomainException> auditedRefusal) {
    try {
      return call.get();
    } catch (DomainException refusal) {
      if (auditedRefusal.test(refusal)) {
        audit.record(
            "auth.oidc.failure",
            "provider",
            provider.name(),
            refusal.code() + ": " + refusal.getMessage());
      }
      throw refusal;
    }
  }
}
