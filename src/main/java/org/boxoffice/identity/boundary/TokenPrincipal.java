package org.boxoffice.identity.boundary;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.ServletRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.boxoffice.integrations.boundary.ApiTokenGrant;
import org.boxoffice.integrations.entity.ApiScope;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * The caller of a request with a verified bearer token, as MicroProfile JWT describes it: the
 * resources' {@code JsonWebToken}. Claim values follow the specification's types: {@code groups}
 * and {@code aud} a set of strings, the times a {@code Long}, strings a {@code String}, other
 * arrays and objects JSON values.
 */
final class TokenPrincipal implements JsonWebToken {
  /** Looked up once: {@code Json.createValue} and friends look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The request attribute that carries an API request's verified token. */
  private static final String ATTRIBUTE = TokenPrincipal.class.getName();

  private static final String API_TOKEN = "api_token";
  private static final String SCOPE = "scope";

  private final String rawToken;
  private final Map<String, Object> claims;

  TokenPrincipal(String rawToken, JwtClaims claims) {
    this.rawToken = rawToken;
    this.claims = claims.getClaimsMap();
  }

  /**
   * The caller of a request with a valid API token: its owner ({@code sub}) in the owner's role
   * ({@code groups}), with the token's id ({@code api_token}) and its scopes ({@code scope}, space
   * separated as in OAuth 2.0). No {@code sid}: a token belongs to no sign-in session.
   */
  static TokenPrincipal ofApiToken(String rawToken, ApiTokenGrant grant) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(Claims.sub.name(), Long.toString(grant.userId()));
    claims.put(Claims.groups.name(), List.copyOf(grant.roles()));
    claims.put(API_TOKEN, grant.tokenId());
    claims.put(
        SCOPE,
        grant.scopes().stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(" ")));
    return new TokenPrincipal(rawToken, claims);
  }

  private TokenPrincipal(String rawToken, Map<String, Object> claims) {
    this.rawToken = rawToken;
    this.claims = Map.copyOf(claims);
  }

  /** Leaves this verified token on the request it came with, for the request's caller. */
  void attachTo(ServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  /** The verified token of the request; null when it carried none or an invalid one. */
  static TokenPrincipal of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof TokenPrincipal token ? token : null;
  }

  @Override
  public String getName() {
    Object upn = claims.get(Claims.upn.name());
    if (upn instanceof String name) {
      return name;
    }
    Object preferred = claims.get(Claims.preferred_username.name());
    return preferred instanceof String name ? name : (String) claims.get(Claims.sub.name());
  }

  @Override
  public Set<String> getClaimNames() {
    Set<String> names = new LinkedHashSet<>(claims.keySet());
    names.add(Claims.raw_token.name());
    return names;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String name) {
    return (T) value(name);
  }

  private Object value(String name) {
    if (Claims.raw_token.name().equals(name)) {
      return rawToken;
    }
    Object value = claims.get(name);
    if (value == null) {
      return null;
    }
    if (Claims.groups.name().equals(name) || Claims.aud.name().equals(name)) {
      return stringSet(value);
    }
    if (value instanceof Number number
        && (Claims.exp.name().equals(name)
            || Claims.iat.name().equals(name)
            || Claims.nbf.name().equals(name)
            || Claims.auth_time.name().equals(name)
            || Claims.updated_at.name().equals(name))) {
      return number.longValue();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return json(value);
  }

  private static Set<String> stringSet(Object value) {
    if (value instanceof Collection<?> many) {
      Set<String> strings = new LinkedHashSet<>();
      many.forEach(one -> strings.add(String.valueOf(one)));
      return Set.copyOf(strings);
    }
    return Set.of(String.valueOf(value));
  }

  private static JsonValue json(Object value) {
    if (value instanceof List<?> list) {
      var array = JSON.createArrayBuilder();
      list.forEach(one -> array.add(json(one)));
      return array.build();
    }
    if (value instanceof Map<?, ?> map) {
      var object = JSON.createObjectBuilder();
      map.forEach((key, one) -> object.add(String.valueOf(key), json(one)));
      return object.build();
    }
    if (value instanceof String text) {
      return JSON.createValue(text);
    }
    if (value instanceof Long || value instanceof Integer) {
      return JSON.createValue(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return JSON.createValue(number.doubleValue());
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return JsonValue.NULL;
  }

  /** The {@code sid} claim: the identity session this token was issued for. */
  String sessionId() {
    return claims.get("sid") instanceof String sid ? sid : null;
  }

  /** Whether the caller presented an API token rather than an access token. */
  boolean isApiToken() {
    return claims.containsKey(API_TOKEN);
  }

  /** An API token's scopes; empty for an access token. */
  Set<String> scopes() {
    return claims.get(SCOPE) instanceof String scope && !scope.isEmpty()
        ? Set.of(scope.split(" "))
        : Set.of();
  }

  /** The {@code email} claim. */
  String email() {
    return claims.get(Claims.email.name()) instanceof String email ? email : null;
  }

  /** The {@code groups} claim as a set; empty when absent. */
  Set<String> roles() {
    Object groups = claims.get(Claims.groups.name());
    return groups == null ? Set.of() : stringSet(groups);
  }

  /** Whether {@code amr} names "otp": the user proved a second factor at sign-in. */
  boolean usedSecondFactor() {
    Object amr = claims.get("amr");
    return amr instanceof Collection<?> methods ? methods.contains("otp") : "otp".equals(amr);
  }

  @Override
  public String toString() {
    return "TokenPrincipal[sub=" + claims.get(Claims.sub.name()) + "]";
  }
}
