package org.boxoffice.integrations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.boxoffice.audit.boundary.AuditTrail;
import org.boxoffice.identity.boundary.Accounts;
import org.boxoffice.identity.control.Secrets;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.integrations.entity.ApiToken;
import org.boxoffice.platform.entity.DomainException;
import org.boxoffice.platform.entity.FieldDetail;

/**
 * Organizers' API tokens: made with a name, scopes and an optional expiry, listed, revoked; and
 * checked on every request that presents one.
 */
@ApplicationScoped
public class ApiTokens {
  /** Every token starts with this, so that secret scanners can find a leaked one. */
  public static final String PREFIX = "bxo_pat_";

  public static final String API_TOKEN_NOT_FOUND = "API_TOKEN_NOT_FOUND";
  public static final String API_TOKEN_LIMIT = "API_TOKEN_LIMIT";
  static final int MAX_ACTIVE = 50;

  /** Characters of the token kept in clear (the prefix and 4 random ones): enough to recognise. */
  private static final int SHOWN = PREFIX.length() + 4;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Accounts accounts;
  @Inject AuditTrail audit;

  /** Whether a bearer credential claims to be an API token (rather than a JWT). */
  public static boolean looksLikeApiToken(String credential) {
    return credential.startsWith(PREFIX);
  }

  /** Makes a token; the answer carries its secret, which is never shown again. */
  @Transactional
  public ApiTokenView create(long userId, ApiTokenRequest request) {
    Instant now = clock.instant();
    Set<ApiScope> scopes = scopes(request.scopes());
    Instant expiresAt = request.expiresAt() == null ? null : request.expiresAt().toInstant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw DomainException.invalid("expiresAt", "must be in the future");
    }
    long active =
        em.createNamedQuery(ApiToken.ACTIVE_COUNT, Long.class)
            .setParameter("userId", userId)
            .setParameter("now", now)
            .getSingleResult();
    if (active >= MAX_ACTIVE) {
      throw DomainException.conflict(
          API_TOKEN_LIMIT, "At most " + MAX_ACTIVE + " active API tokens: revoke one first");
    }
    String secret = PREFIX + Secrets.newToken();
    ApiToken token =
        new ApiToken(
            userId,
            request.name(),
            secret.substring(0, SHOWN),
            Secrets.sha256(secret),
            scopes,
            now,
            expiresAt);
    em.persist(token);
    em.flush();
    audit.record(
        "api_token.created",
        "api_token",
        token.id().toString(),
        token.name()
            + "; "
            + scopes.stream().map(ApiScope::wireName).collect(Collectors.joining(" ")));
    return ApiTokenView.withSecret(token, now, secret);
  }

  /** The user's tokens, newest first, revoked and expired ones included. */
  @Transactional
  public List<ApiTokenView> list(long userId) {
    Instant now = clock.instant();
    return em.createNamedQuery(ApiToken.OF_USER, ApiToken.class)
        .setParameter("userId", userId)
        .getResultStream()
        .map(token -> ApiTokenView.of(token, now))
        .toList();
  }

  /** Revokes one of the user's tokens; it is refused on every replica from the next request. */
  @Transactional
  public void revoke(long userId, long tokenId) {
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null || token.userId() != userId) {
      throw DomainException.notFound(API_TOKEN_NOT_FOUND, "No such API token of yours");
    }
    if (token.revokedAt() == null) {
      token.revoke(clock.instant());
      audit.record("api_token.revoked", "api_token", token.id().toString(), token.name());
    }
  }

  /** Revokes every token of the user (their account is being erased); how many were live. */
  @Transactional(Transactional.TxType.REQUIRED)
  public int revokeAll(long userId) {
    return em.createNamedQuery(ApiToken.REVOKE_ALL)
        .setParameter("userId", userId)
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  /**
   * The grant of a presented token, when it is one of ours, neither revoked nor expired, and its
   * owner still exists; empty otherwise. It reads the database every time, in a short transaction
   * of its own that has given its connection back before the request goes on: no cache, so a
   * revocation on any replica holds on this one at once.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<ApiTokenGrant> authenticate(String presented) {
    if (!looksLikeApiToken(presented) || presented.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> found =
        em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", Secrets.sha256(presented))
            .getResultStream()
            .findFirst()
            .filter(token -> token.isActive(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Optional<String> role = accounts.roleOf(token.userId());
    if (role.isEmpty()) {
      return Optional.empty();
    }
    token.usedAt(now);
    return Optional.of(
        new ApiTokenGrant(token.id(), token.userId(), Set.of(role.get()), token.scopes()));
  }

  private static Set<ApiScope> scopes(List<String> names) {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    List<FieldDetail> unknown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<ApiScope> scope = ApiScope.ofWireName(name);
      if (scope.isPresent()) {
        scopes.add(scope.get());
      } else {
        unknown.add(
            new FieldDetail(
                "scopes[" + i + "]",
                "unknown scope; one of "
                    + Arrays.stream(ApiScope.values())
                        .map(ApiScope::wireName)
                        .collect(Collectors.joining(", "))));
      }
    }
    if (!unknown.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          DomainException.VALIDATION_FAILED,
          "The request is invalid",
          unknown);
    }
    return scopes;
  }
}
