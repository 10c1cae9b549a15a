package org.boxoffice.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.boxoffice.integrations.entity.ApiScope;
import org.boxoffice.integrations.entity.ApiToken;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

  private static ApiToken token(Instant expiresAt) {
    return new ApiToken(
        7,
        "  CRM  ",
        "bxo_pat_abcd",
        "0".repeat(64),
        EnumSet.of(ApiScope.CHECKINS_WRITE, ApiScope.EVENTS_READ),
        NOW,
        expiresAt);
  }

  @Test
  void a_token_keeps_its_scopes_and_a_stripped_name() {
    ApiToken token = token(null);
    assertThat(token.scopes())
        .containsExactlyInAnyOrder(ApiScope.EVENTS_READ, ApiScope.CHECKINS_WRITE);
    assertThat(token.name()).isEqualTo("CRM");
  }

  @Test
  void a_token_is_active_until_it_expires_or_is_revoked() {
    ApiToken expiring = token(NOW.plusSeconds(60));
    assertThat(expiring.isActive(NOW)).isTrue();
    assertThat(expiring.isActive(NOW.plusSeconds(60))).isFalse();

    ApiToken revoked = token(null);
    revoked.revoke(NOW.plusSeconds(5));
    revoked.revoke(NOW.plusSeconds(50));
    assertThat(revoked.isActive(NOW.plusSeconds(5))).isFalse();
    assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void last_use_is_noted_at_most_once_a_minute() {
    ApiToken token = token(null);
    token.usedAt(NOW);
    token.usedAt(NOW.plusSeconds(59));
    assertThat(token.lastUsedAt()).isEqualTo(NOW);
    token.usedAt(NOW.plusSeconds(60));
    assertThat(token.lastUsedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void scopes_have_their_wire_names() {
    assertThat(ApiScope.ofWireName("events:read")).contains(ApiScope.EVENTS_READ);
    assertThat(ApiScope.ofWireName("EVENTS_READ")).isEmpty();
    assertThat(ApiScope.ofWireName("webhooks:write")).contains(ApiScope.WEBHOOKS_WRITE);
    assertThat(Set.of(ApiScope.values())).hasSize(7);
  }
}
