package org.boxoffice.integrations.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.integrations.entity.ApiToken;

/**
 * An API token as its owner sees it; {@code token} (the secret) only in the answer that created it,
 * null ever after.
 */
public record ApiTokenView(
    long id,
    String name,
    String prefix,
    List<String> scopes,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt,
    boolean active,
    String token)
    implements Serializable {

  static ApiTokenView of(ApiToken token, Instant now) {
    return withSecret(token, now, null);
  }

  static ApiTokenView withSecret(ApiToken token, Instant now, String secret) {
    return new ApiTokenView(
        token.id(),
        token.name(),
        token.prefix(),
        token.scopes().stream().map(ApiScope::wireName).toList(),
        utc(token.createdAt()),
        utc(token.expiresAt()),
        utc(token.lastUsedAt()),
        utc(token.revokedAt()),
        token.isActive(now),
        secret);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
