package org.boxoffice.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.boxoffice.identity.entity.ExternalIdentityClaims;
import org.boxoffice.identity.entity.IdentityErrors;
import org.boxoffice.identity.entity.Role;
import org.boxoffice.platform.boundary.UnavailableException;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The configured OpenID Connect providers and everything said to them, all through the Nimbus OAuth
 * 2.0 / OpenID Connect SDK: discovery ({@code /.well-known/openid-configuration}), the provider's
 * published keys (a cached, refreshed remote JWK set) and ID-token validation (signature, issuer,
 * audience = our client id, expiry, nonce), and the authorization-code flow with PKCE.
 *
 * <p>Nothing here holds a transaction or a row lock: callers verify first, then open their
 * transaction. Every call to a provider has the connect and read timeouts of {@link OidcSettings}
 * and goes through the provider's own {@link ProviderCircuit}; a provider that cannot be reached
 * answers 503 {@code OIDC_PROVIDER_UNAVAILABLE} with {@code Retry-After}.
 */
@ApplicationScoped
public class OidcProviders {
  private static final Logger LOG = Logger.getLogger(OidcProviders.class.getName());
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,39}");
  private static final Set<JWSAlgorithm> SIGNATURE_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  @Inject Config config;
  @Inject @ConfigProperties OidcSettings settings;
  @Inject Clock clock;

  private volatile Map<String, OidcProvider> configured;
  private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
  private final Map<String, ProviderCircuit> circuits = new ConcurrentHashMap<>();

  /** A provider's metadata and the validator of its ID tokens, once discovery succeeded. */
  private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

  /** The configured providers, in the order of {@code OIDC_PROVIDERS}. */
  public Collection<OidcProvider> all() {
    return providers().values();
  }

  /** The provider of this name; 404 {@code OIDC_PROVIDER_UNKNOWN} when none is configured so. */
  public OidcProvider provider(String name) {
    OidcProvider provider =
        name == null ? null : providers().get(name.strip().toLowerCase(Locale.ROOT));
    if (provider == null) {
      throw new DomainException(
          DomainException.Kind.NOT_FOUND,
          IdentityErrors.OIDC_PROVIDER_UNKNOWN,
          "No OpenID Connect provider of this name is configured",
          List.of(new FieldDetail("provider", "must be one of " + providers().keySet())));
    }
    return provider;
  }

  /**
   * Checks an ID token the client got from the provider: signed by one of the provider's published
   * keys, issued by its issuer, for our client id, not expired, and carrying the nonce when one is
   * expected. 401 {@code OIDC_TOKEN_INVALID} otherwise, saying why.
   */
  public ExternalIdentityClaims verify(OidcProvider provider, String idToken, String nonce) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken.strip());
    } catch (java.text.ParseException e) {
      throw DomainException.invalid("idToken", "is not a JWT");
    }
    return validate(provider, jwt, nonce == null || nonce.isBlank() ? null : new Nonce(nonce));
  }

  /**
   * Where to send the browser to sign in with the provider: its authorization endpoint with our
   * client id, the redirect URI, {@code state}, {@code nonce} and the PKCE challenge (S256).
   */
  public URI authorizationUri(
      OidcProvider provider, URI redirectUri, String state, String nonce, String codeVerifier) {
    OIDCProviderMetadata metadata = discover(provider).metadata();
    return new AuthenticationRequest.Builder(
            ResponseType.CODE,
            new Scope("openid", "email", "profile"),
            new ClientID(provider.clientId()),
            redirectUri)
        .endpointURI(metadata.getAuthorizationEndpointURI())
        .state(new State(state))
        .nonce(new Nonce(nonce))
        .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * Exchanges an authorization code at the provider's token endpoint (with the PKCE verifier and
   * the client secret) and checks the ID token it answers with, nonce included.
   */
  public ExternalIdentityClaims exchangeCode(
      OidcProvider provider, String code, URI redirectUri, String codeVerifier, String nonce) {
    Discovered found = discover(provider);
    AuthorizationCodeGrant grant =
        new AuthorizationCodeGrant(
            new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier));
    URI endpoint = found.metadata().getTokenEndpointURI();
    ClientID clientId = new ClientID(provider.clientId());
    TokenRequest request =
        provider
            .clientSecret()
            .map(
                secret ->
                    new TokenRequest.Builder(
                            endpoint, new ClientSecretBasic(clientId, new Secret(secret)), grant)
                        .build())
            .orElseGet(() -> new TokenRequest.Builder(endpoint, clientId, grant).build());
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(settings.connectTimeoutMillis);
    http.setReadTimeout(settings.readTimeoutMillis);
    TokenResponse response;
    ProviderCircuit circuit = circuit(provider);
    refuseWhileOpen(provider, circuit);
    try {
      response = OIDCTokenResponseParser.parse(http.send());
      circuit.succeeded();
    } catch (IOException | ParseException e) {
      circuit.failed();
      throw unavailable(provider, circuit, "its token endpoint did not answer", e);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw DomainException.unauthenticated(
          IdentityErrors.OIDC_CODE_INVALID,
          "The provider refused the authorization code (" + error.getCode() + ")");
    }
    JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
    if (idToken == null) {
      throw DomainException.unauthenticated(
          IdentityErrors.OIDC_TOKEN_INVALID, "The provider answered without an ID token");
    }
    return validate(provider, idToken, new Nonce(nonce));
  }

  private ExternalIdentityClaims validate(OidcProvider provider, JWT jwt, Nonce nonce) {
    Discovered found = discover(provider);
    ProviderCircuit circuit = circuit(provider);
    IDTokenClaimsSet claims;
    try {
      claims = found.validator().validate(jwt, nonce);
    } catch (KeySourceException e) {
      // The token names a key we do not have and the provider's key set could not be fetched.
      circuit.failed();
      throw unavailable(provider, circuit, "its keys could not be fetched", e);
    } catch (BadJOSEException | JOSEException e) {
      throw DomainException.unauthenticated(
          IdentityErrors.OIDC_TOKEN_INVALID,
          "The ID token is not valid for " + provider.label() + ": " + e.getMessage());
    }
    String subject = claims.getSubject().getValue();
    // Some providers send email_verified as the string "true".
    Object verified = claims.getClaim("email_verified");
    String email = claims.getStringClaim("email");
    return new ExternalIdentityClaims(
        provider.name(),
        subject,
        email == null ? null : email.strip(),
        Boolean.TRUE.equals(verified) || "true".equals(verified),
        claims.getStringClaim("given_name"),
        claims.getStringClaim("family_name"),
        groups(claims.getClaim(provider.groupsClaim())));
  }

  private static List<String> groups(Object claim) {
    if (claim instanceof String one) {
      return List.of(one);
    }
    if (claim instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** The provider's metadata and validator, discovered once and kept (the keys refresh alone). */
  private Discovered discover(OidcProvider provider) {
    Discovered known = discovered.get(provider.name());
    if (known != null) {
      return known;
    }
    ProviderCircuit circuit = circuit(provider);
    refuseWhileOpen(provider, circuit);
    OIDCProviderMetadata metadata;
    try {
      metadata =
          OIDCProviderMetadata.resolve(
              new Issuer(provider.issuer()),
              settings.connectTimeoutMillis,
              settings.readTimeoutMillis);
      circuit.succeeded();
    } catch (GeneralException | IOException e) {
      circuit.failed();
      throw unavailable(provider, circuit, "its discovery document could not be read", e);
    }
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(settings.connectTimeoutMillis, settings.readTimeoutMillis);
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(jwkSetUrl(metadata), retriever).retrying(false).build();
    Set<JWSAlgorithm> algorithms =
        metadata.getIDTokenJWSAlgs() == null
            ? Set.of(JWSAlgorithm.RS256)
            : metadata.getIDTokenJWSAlgs().stream()
                .filter(SIGNATURE_ALGORITHMS::contains)
                .collect(Collectors.toSet());
    IDTokenValidator validator =
        new IDTokenValidator(
            metadata.getIssuer(),
            new ClientID(provider.clientId()),
            new JWSVerificationKeySelector<>(algorithms, keys),
            null);
    Discovered fresh = new Discovered(metadata, validator);
    discovered.putIfAbsent(provider.name(), fresh);
    LOG.info(() -> "OpenID Connect provider " + provider.name() + " discovered at " + provider);
    return discovered.get(provider.name());
  }

  private static java.net.URL jwkSetUrl(OIDCProviderMetadata metadata) {
    try {
      return metadata.getJWKSetURI().toURL();
    } catch (java.net.MalformedURLException | RuntimeException e) {
      throw new IllegalStateException("the provider publishes no usable jwks_uri", e);
    }
  }

  private ProviderCircuit circuit(OidcProvider provider) {
    return circuits.computeIfAbsent(provider.name(), name -> new ProviderCircuit(clock));
  }

  private static void refuseWhileOpen(OidcProvider provider, ProviderCircuit circuit) {
    if (circuit.isOpen()) {
      throw new UnavailableException(
          IdentityErrors.OIDC_PROVIDER_UNAVAILABLE,
          provider.label() + " sign-in is unavailable for a moment; try again shortly",
          circuit.retryAfter());
    }
  }

  private static UnavailableException unavailable(
      OidcProvider provider, ProviderCircuit circuit, String what, Exception cause) {
    LOG.warning(
        () -> "OpenID Connect provider " + provider.name() + ": " + what + " (" + cause + ")");
    return new UnavailableException(
        IdentityErrors.OIDC_PROVIDER_UNAVAILABLE,
        provider.label() + " cannot be reached right now; try again shortly",
        circuit.retryAfter());
  }

  private Map<String, OidcProvider> providers() {
    Map<String, OidcProvider> known = configured;
    if (known == null) {
      known = read();
      configured = known;
    }
    return known;
  }

  /**
   * Reads {@code OIDC_PROVIDERS} and each provider's settings; a broken one is logged, left out.
   */
  private Map<String, OidcProvider> read() {
    Map<String, OidcProvider> read = new LinkedHashMap<>();
    for (String raw : settings.providers.orElse(List.of())) {
      String name = raw.strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        LOG.severe(
            () -> "OIDC_PROVIDERS: \"" + name + "\" is not a name (a-z, 0-9, up to 40); left out");
        continue;
      }
      Optional<String> issuer = value(name, "issuer");
      Optional<String> clientId = value(name, "client.id");
      if (issuer.isEmpty() || clientId.isEmpty()) {
        String upper = name.toUpperCase(Locale.ROOT);
        LOG.severe(
            () ->
                "OpenID Connect provider "
                    + name
                    + " needs OIDC_"
                    + upper
                    + "_ISSUER and OIDC_"
                    + upper
                    + "_CLIENT_ID; left out");
        continue;
      }
      Role role =
          value(name, "role")
              .map(r -> r.toUpperCase(Locale.ROOT))
              .filter(r -> r.equals("ATTENDEE") || r.equals("ORGANIZER"))
              .map(Role::valueOf)
              .orElse(Role.ATTENDEE);
      List<String> domains = new ArrayList<>();
      value(name, "allowed.domains")
          .ifPresent(
              all -> {
                for (String domain : all.split(",")) {
                  if (!domain.isBlank()) {
                    domains.add(domain.strip().toLowerCase(Locale.ROOT));
                  }
                }
              });
      read.put(
          name,
          new OidcProvider(
              name,
              value(name, "label").orElse(defaultLabel(name)),
              issuer.get(),
              clientId.get(),
              value(name, "client.secret"),
              List.copyOf(domains),
              role,
              value(name, "groups.claim").orElse("groups"),
              value(name, "organizer.group")));
    }
    return Map.copyOf(read).isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(read);
  }

  private Optional<String> value(String provider, String key) {
    return config
        .getOptionalValue("oidc." + provider + "." + key, String.class)
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  private static String defaultLabel(String name) {
    return name.equals("google")
        ? "Google"
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
